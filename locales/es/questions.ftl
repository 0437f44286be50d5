# Las preguntas de la guía: el texto de cada pregunta (q-ID), su ayuda, su tema (unas palabras
# que la nombran en frases que citan las respuestas), las etiquetas de las opciones (q-ID-VALOR)
# y qué significa cada una, la unidad de una respuesta numérica, una cantidad con su unidad y las
# etiquetas de los valores predefinidos (q-ID-preset-N, en el orden de
# src/domain/questions/table.rs). Las preguntas de sí o no etiquetan `true` y `false`. Los ids y
# los valores nunca cambian: los usan la API y los resultados guardados.

## Los pasos

step-1 = Tu producto
step-2 = Tu gente
step-3 = Tu tráfico
step-4 = Tu carga de trabajo
step-5 = Tu sistema
step-6 = Tu operación


## stage

q-stage = ¿En qué punto está el producto hoy?
q-stage-help = Cuanto más temprana la etapa, más va a cambiar todavía el producto.
q-stage-topic = etapa
q-stage-idea = Una idea
q-stage-idea-help = Todavía no hay nada en producción.
q-stage-mvp = Una primera versión
q-stage-mvp-help = Primeros usuarios; aún buscando qué funciona.
q-stage-growth = En crecimiento
q-stage-growth-help = Funciona; crecen los usuarios y el equipo.
q-stage-scale = A gran escala
q-stage-scale-help = Muchos usuarios, muchos ingenieros, carga real.

## starting_point

q-starting_point = ¿Empiezas de cero o evolucionas un sistema que ya funciona?
q-starting_point-help = Lo que ya existe cambia qué resulta barato hacer a continuación.
q-starting_point-topic = punto de partida
q-starting_point-greenfield = Desde cero
q-starting_point-greenfield-help = No hay código que arrastrar.
q-starting_point-monolith = Una sola aplicación
q-starting_point-monolith-help = Hoy funciona un único código con un único desplegable.
q-starting_point-distributed = Varios servicios
q-starting_point-distributed-help = Ya funcionan servicios separados que se comunican entre sí.

## engineers

q-engineers = ¿Cuántos ingenieros trabajan en él?
q-engineers-help = Todas las personas que escriben o publican su código, en todos los equipos.
q-engineers-topic = ingenieros
q-engineers-unit = ingenieros
q-engineers-amount = { $value }
q-engineers-preset-1 = 1–5
q-engineers-preset-2 = 6–15
q-engineers-preset-3 = 16–50
q-engineers-preset-4 = 51–200
q-engineers-preset-5 = más de 200

## teams

q-teams = ¿Cuántos equipos publican partes de él?
q-teams-help = Aquí, un equipo es un grupo que planifica y publica su propio trabajo.
q-teams-topic = equipos
q-teams-unit = equipos
q-teams-amount = { $value }
q-teams-preset-1 = un equipo
q-teams-preset-2 = 2
q-teams-preset-3 = 3–5
q-teams-preset-4 = 6–10
q-teams-preset-5 = más de 10

## load_shape

q-load_shape = ¿Cómo es el tráfico a lo largo de un día o una semana?
q-load_shape-help = La forma de la carga decide si sale más barato pagar por uso o pagar por capacidad.
q-load_shape-topic = tráfico
q-load_shape-spiky = A picos
q-load_shape-spiky-help = Inactivo casi siempre y, de pronto, ráfagas.
q-load_shape-variable = Variable
q-load_shape-variable-help = Picos claros diarios o semanales y noches tranquilas.
q-load_shape-steady = Constante
q-load_shape-steady-help = Estable y predecible, a todas horas.
q-load_shape-event = Por eventos
q-load_shape-event-help = El trabajo llega de colas, subidas de archivos o tareas programadas.

## monthly_requests

q-monthly_requests = ¿Cuántas peticiones o eventos atiende al mes?
q-monthly_requests-help = Basta una cifra aproximada: 1 petición por segundo son unos 2,6 millones al mes.
q-monthly_requests-topic = peticiones al mes
q-monthly_requests-unit = peticiones al mes
q-monthly_requests-amount = { $value }
q-monthly_requests-preset-1 = unas 100 mil
q-monthly_requests-preset-2 = alrededor de 1 millón
q-monthly_requests-preset-3 = alrededor de 10 millones
q-monthly_requests-preset-4 = alrededor de 100 millones
q-monthly_requests-preset-5 = alrededor de mil millones
q-monthly_requests-preset-6 = 10 mil millones o más

## peak_to_average

q-peak_to_average = ¿Cuánto más alta es la hora punta que la media?
q-peak_to_average-help = La capacidad que tienes siempre encendida debe cubrir el pico; al pago por uso le da igual.
q-peak_to_average-topic = hora punta frente a la media
q-peak_to_average-unit = × la media
q-peak_to_average-amount = { $value } × la media
q-peak_to_average-preset-1 = apenas (alrededor de 1,5×)
q-peak_to_average-preset-2 = unas cuantas veces (alrededor de 3×)
q-peak_to_average-preset-3 = diez veces
q-peak_to_average-preset-4 = cincuenta veces o más

## avg_duration_ms

q-avg_duration_ms = ¿Cuánto se tarda en atender una petición o un evento?
q-avg_duration_ms-help = De principio a fin, incluida la espera a bases de datos y a otros servicios.
q-avg_duration_ms-topic = tiempo por petición
q-avg_duration_ms-unit = milisegundos
q-avg_duration_ms-amount = { $value } milisegundos
q-avg_duration_ms-preset-1 = un instante (unos 50 ms)
q-avg_duration_ms-preset-2 = una petición web típica (unos 200 ms)
q-avg_duration_ms-preset-3 = alrededor de un segundo
q-avg_duration_ms-preset-4 = unos diez segundos
q-avg_duration_ms-preset-5 = un par de minutos

## memory_mb

q-memory_mb = ¿Cuánta memoria necesita un manejador?
q-memory_mb-help = Las funciones se cobran por memoria × tiempo; 512 MB bastan para la mayoría de los manejadores web.
q-memory_mb-topic = memoria por manejador
q-memory_mb-unit = MB
q-memory_mb-amount = { $value } MB
q-memory_mb-preset-1 = 256 MB
q-memory_mb-preset-2 = 512 MB
q-memory_mb-preset-3 = 1 GB
q-memory_mb-preset-4 = 2 GB
q-memory_mb-preset-5 = 8 GB

## longest_task

q-longest_task = ¿Cuál es la tarea individual más larga que realiza?
q-longest_task-help = Las funciones se detienen a los 15 minutos (el límite de AWS Lambda es de 900 segundos).
q-longest_task-topic = tarea más larga
q-longest_task-seconds = Segundos
q-longest_task-seconds-help = Peticiones y trabajos pequeños.
q-longest_task-minutes = Minutos
q-longest_task-minutes-help = Informes o importaciones que terminan en menos de 15 minutos.
q-longest_task-hours = Más de 15 minutos
q-longest_task-hours-help = Procesos por lotes, vídeo, entrenamiento de modelos, exportaciones largas.

## persistent_connections

q-persistent_connections = ¿Mantiene conexiones o estado abiertos entre peticiones?
q-persistent_connections-help = Websockets, streaming, long polling o datos guardados en memoria entre peticiones.
q-persistent_connections-topic = conexiones o estado abiertos
q-persistent_connections-true = Sí, conexiones de larga duración o estado en memoria
q-persistent_connections-false = No, cada petición va por su cuenta

## latency

q-latency = ¿Podrían tus usuarios aceptar un retraso ocasional de 1–2 segundos por un arranque en frío?
q-latency-help = Las funciones que llevan un rato inactivas tardan un momento en volver a arrancar.
q-latency-topic = arranques en frío tolerados
q-latency-relaxed = Sí, sin problema
q-latency-relaxed-help = Trabajo en segundo plano, herramientas internas.
q-latency-moderate = De vez en cuando
q-latency-moderate-help = La mayoría de las aplicaciones web y APIs.
q-latency-strict = No
q-latency-strict-help = Cada respuesta tiene que ser rápida: pagos, trading, tiempo real.

## scaling_divergence

q-scaling_divergence = ¿Hay partes del sistema que necesitan escalar de forma muy distinta?
q-scaling_divergence-help = Por ejemplo, una parte de búsqueda o de contenido multimedia que necesita diez veces la capacidad del resto.
q-scaling_divergence-topic = partes que escalan distinto
q-scaling_divergence-none = No
q-scaling_divergence-none-help = La carga crece de forma pareja.
q-scaling_divergence-some = Una o dos partes
q-scaling_divergence-some-help = Uno o dos puntos calientes.
q-scaling_divergence-many = Muchas partes
q-scaling_divergence-many-help = Varias áreas con necesidades muy distintas.

## independent_releases

q-independent_releases = ¿Hay partes que deben publicarse con su propio calendario?
q-independent_releases-help = Porque las llevan equipos distintos o porque alguna normativa lo exige.
q-independent_releases-topic = partes que se publican por su cuenta
q-independent_releases-no = No
q-independent_releases-no-help = Un único despliegue para todo está bien.
q-independent_releases-some = Algunas partes
q-independent_releases-some-help = Una o dos partes van a su propio ritmo.
q-independent_releases-yes = Sí
q-independent_releases-yes-help = Los equipos deben publicar sin esperarse unos a otros.

## domain_clarity

q-domain_clarity = ¿Sabes dónde están las fronteras entre las partes?
q-domain_clarity-help = Las fronteras que se trazan demasiado pronto cuestan mucho de mover cuando ya son llamadas por red.
q-domain_clarity-topic = fronteras conocidas
q-domain_clarity-unclear = Todavía no
q-domain_clarity-unclear-help = Aún estamos entendiendo el negocio.
q-domain_clarity-emerging = Van tomando forma
q-domain_clarity-emerging-help = Algunas áreas están claras; otras todavía se mueven.
q-domain_clarity-stable = Sí, estables
q-domain_clarity-stable-help = Se han mantenido un año o más.

## ops_maturity

q-ops_maturity = ¿Quién lo opera en producción?
q-ops_maturity-help = Cada desplegable que añades necesita compilaciones, monitorización y alguien de guardia.
q-ops_maturity-topic = quién opera producción
q-ops_maturity-none = Los desarrolladores, a mano
q-ops_maturity-none-help = Sin pipeline ni monitorización dignos de ese nombre.
q-ops_maturity-basic = Automatizado
q-ops_maturity-basic-help = Hay pipelines de CI/CD y monitorización.
q-ops_maturity-platform = Un equipo de plataforma
q-ops_maturity-platform-help = Personas que operan Kubernetes y herramientas compartidas.

## portability

q-portability = ¿Tiene que poder moverse entre nubes o funcionar en tus propios servidores?
q-portability-help = Las funciones y los contenedores gestionados te atan a los servicios de un proveedor.
q-portability-topic = moverse de nube o funcionar en local
q-portability-none = No
q-portability-none-help = Un solo proveedor de nube está bien.
q-portability-preferred = Nos gustaría conservar la opción
q-portability-preferred-help = Evitar la dependencia cuando sale barato.
q-portability-required = Sí, es obligatorio
q-portability-required-help = Funcionar en local o en varias nubes es un requisito.

## cost_priority

q-cost_priority = ¿Qué es lo que más te importa de la factura?
q-cost_priority-help = Cada forma de ejecutar software es la más barata con un tipo de factura distinto.
q-cost_priority-topic = qué importa de la factura
q-cost_priority-lowest_when_idle = No pagar nada cuando está inactivo
q-cost_priority-lowest_when_idle-help = Los periodos tranquilos no deberían costar nada.
q-cost_priority-predictable = Una factura predecible
q-cost_priority-predictable-help = La misma cantidad todos los meses.
q-cost_priority-performance_first = El rendimiento, ante todo
q-cost_priority-performance_first-help = La velocidad importa más que la factura.

## cloud

q-cloud = ¿Con los precios de qué proveedor hacemos la comparación de costes?
q-cloud-help = El consejo es el mismo en cualquiera de las grandes nubes; cambian los productos y los precios.
q-cloud-topic = nube
q-cloud-aws = AWS
q-cloud-aws-help = Lambda, Fargate, EKS y EC2.
q-cloud-azure = Microsoft Azure
q-cloud-azure-help = Functions, Container Apps, AKS y Virtual Machines.
q-cloud-gcp = Google Cloud
q-cloud-gcp-help = Funciones de Cloud Run, Cloud Run, GKE y Compute Engine.

## Problemas con las respuestas, como en «Esta respuesta debe ser un número». La API los envía solos.

answer-problem = Esta respuesta { $problem }.
answer-unknown-question = no es una pregunta de esta guía
answer-null = no puede ser null: omite la pregunta para que se aplique su valor por defecto
answer-teams-over-engineers = no puede ser mayor que el número de ingenieros ({ $engineers })
answer-one-of = debe ser uno de estos valores: { $allowed }
answer-text-one-of = debe ser un texto, uno de estos valores: { $allowed } (se recibió { $got })
answer-yes-no = debe ser sí o no
answer-boolean = debe ser true o false (se recibió { $got })
answer-number = debe ser un número
answer-number-got = debe ser un número (se recibió { $got })
answer-range-integer = debe ser un número entero entre { $min } y { $max }
answer-range-number = debe ser un número entre { $min } y { $max }
kind-text = un texto
kind-number = un número
kind-boolean = true o false
kind-nothing = nada
kind-null = null
kind-huge_number = un número fuera de rango
kind-list = una lista
kind-object = un objeto
answer-yes = sí
answer-no = no

## Las páginas de la guía

guide-title = La guía para decidir
guide-description = Responde preguntas sobre tu equipo, tu carga y tu operación, y recibe una recomendación sobre cómo organizar y cómo ejecutar tu software, con una estimación de costes para tu tráfico.
guide-optional = Todas las preguntas son opcionales: sáltate lo que no sepas y supondremos un valor típico.
guide-progress = Paso { $position } de { $total }
guide-progress-title = { $progress }: { $title }
guide-back = Atrás
guide-next = Siguiente
guide-finish = Ver mi recomendación
guide-save-failed = No se pudo guardar el resultado. Vuelve a intentarlo en un momento.
guide-start-over = Volver a empezar
guide-exact = Exactamente
guide-exact-label = { $question } (número exacto, { $unit })
guide-assumed = Si la saltas, supondremos { $default }.
guide-quoted = «{ $text }»
guide-default-number = { $value } { $unit }
guide-default-depends = un valor típico para la forma de tráfico que elegiste
