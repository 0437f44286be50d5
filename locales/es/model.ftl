# Los textos del modelo de recomendación (src/domain/data/model.toml los nombra por id): por qué
# cada regla mueve una puntuación, qué pide cada requisito de los microservicios, las tensiones
# entre respuestas, los siguientes pasos y cuándo revisar cada elección, y las dieciséis casillas
# del mapa. Argumentos: $value es la respuesta que miró la regla; $wants y $against son las
# respuestas de cada lado de una tensión; $break_even es un número de peticiones al mes.

## Reglas: por qué una respuesta mueve una puntuación

rule-org-stage-idea = En la fase de idea, el producto va a cambiar de forma muchas veces; un único código es lo más barato de remodelar.
rule-org-stage-mvp = Una primera versión todavía está buscando su mercado; la velocidad de cambio importa más que escalar por partes.
rule-org-stage-growth = Un producto que crece necesita una estructura que permita trabajar a más gente: primero módulos claros, y servicios separados donde se ganen su sitio.
rule-org-stage-scale = A gran escala, las partes del sistema y los equipos que hay detrás suelen necesitar moverse de forma independiente.
rule-org-starting_point-monolith = Ya tienes una aplicación en marcha: trazar fronteras de módulos dentro de ella es el primer paso de menor riesgo, y más adelante los módulos se pueden extraer de uno en uno.
rule-org-starting_point-distributed = Ya operas varios servicios, con las herramientas que eso exige; volver a unirlos es un proyecto en sí mismo.
rule-org-engineers-up-to-8 = { $value } ingenieros caben en un equipo alrededor de un único código; dividirlo pondría llamadas por red entre personas que se sientan juntas.
rule-org-engineers-9-to-50 = Con { $value } ingenieros, un único código sigue funcionando si los módulos tienen dueño y fronteras que se respetan.
rule-org-engineers-from-51 = { $value } ingenieros no pueden compartir un código sin estructura: necesitan módulos con dueño dentro de un solo desplegable, como Shopify y GitHub, o partes que se despliegan por separado.
rule-org-teams-up-to-1 = Un solo equipo no gana nada con despliegues independientes: se estaría desplegando a sí mismo.
rule-org-teams-2-to-3 = { $value } equipos pueden compartir un desplegable si cada uno es dueño de sus módulos; unos pocos servicios grandes también funcionan.
rule-org-teams-from-4 = { $value } equipos publicando en un único desplegable se bloquean entre sí; los equipos alineados con servicios pueden publicar solos.
rule-org-teams-from-10 = Con { $value } equipos, unos pocos servicios grandes se convierten a su vez en cuellos de botella compartidos.
rule-org-scaling_divergence-none = Cuando la carga crece de forma pareja, escalar toda la aplicación es lo más sencillo y apenas cuesta más.
rule-org-scaling_divergence-some = Uno o dos puntos calientes se pueden separar como servicios propios y escalar por su cuenta, sin dividirlo todo.
rule-org-scaling_divergence-many = Muchas partes con cargas muy distintas son el caso de manual para escalar servicios de forma independiente.
rule-org-independent_releases-no = Si todo puede publicarse a la vez, un único proceso de despliegue da menos trabajo que muchos.
rule-org-independent_releases-some = Solo algunas partes necesitan su propio calendario de despliegue: sepáralas y mantén el resto junto.
rule-org-independent_releases-yes = Las partes que deben publicarse con su propio calendario necesitan desplegarse por separado.
rule-org-domain_clarity-unclear = Las fronteras que aún no has encontrado no se pueden trazar como límites entre servicios; dentro de un único código son baratas de mover.
rule-org-domain_clarity-emerging = Las fronteras que van tomando forma conviene probarlas como módulos antes de convertirlas en llamadas por red.
rule-org-domain_clarity-stable = Las fronteras estables son buenos lugares para dividir, si llega a hacer falta.
rule-org-ops_maturity-none = Sin pipelines de despliegue ni monitorización, cada desplegable extra es otra cosa más que operar a mano.
rule-org-ops_maturity-basic = Los pipelines y la monitorización sostienen bien un puñado de servicios; decenas de ellos necesitan una plataforma.
rule-org-ops_maturity-platform = Un equipo de plataforma puede dar a muchos servicios el despliegue, la observabilidad y las guardias que necesitan.
rule-exec-stage-idea-mvp = Al principio, los entornos gestionados hacen que el equipo construya el producto en lugar de operar servidores.
rule-exec-load_shape-event = El trabajo que llega de colas, subidas de archivos y tareas programadas encaja directamente con los disparadores de las funciones.
rule-exec-load_shape-spiky = Inactivo y luego a ráfagas: las funciones están listas en segundos y no cuestan nada mientras no hay tráfico, mientras que los servidores o clústeres reservados esperan sin hacer nada o arrancan tarde para la ráfaga (la BBC y Comic Relief llevan así esas cargas).
rule-exec-longest_task-minutes = Los trabajos de varios minutos caben bajo el límite de 15 minutos de las funciones, pero una función cobra cada segundo que duran.
rule-exec-longest_task-hours = El trabajo de más de 15 minutos no puede ejecutarse como función: AWS Lambda detiene cada invocación a los 900 segundos.
rule-exec-avg_duration_ms-from-900001 = Una petición típica de { $value } ms supera el límite de 900 segundos de una función.
rule-exec-persistent_connections-true = Las funciones no pueden mantener websockets, conexiones de larga duración ni estado en memoria entre peticiones; un proceso en marcha sí.
rule-exec-latency-strict = Una función inactiva puede tardar 1–2 segundos en arrancar; con una latencia estricta, cada respuesta debe salir de un proceso ya caliente.
rule-exec-latency-moderate = Los arranques en frío ocasionales son aceptables, pero de vez en cuando se notarán.
rule-exec-ops_maturity-none = Sin una práctica de operación, deja que el proveedor parchee, escale y reinicie las cosas por ti.
rule-exec-ops_maturity-basic = Con pipelines y monitorización basta para los contenedores gestionados; Kubernetes necesita personas que lo operen.
rule-exec-ops_maturity-platform = Un equipo de plataforma que ya opera Kubernetes lo convierte en un sitio barato para una carga de trabajo más.
rule-exec-portability-preferred = El código de las funciones se escribe contra los disparadores y servicios de un proveedor; las imágenes de contenedor funcionan en cualquier parte.
rule-exec-portability-required = Funcionar en tus propios servidores o en varias nubes descarta las funciones y los contenedores gestionados de los proveedores; en tus propias máquinas, los servidores sin más son lo que menos cuesta operar (así funcionan 37signals, Stack Overflow y Fastmail), y Kubernetes compensa cuando muchos equipos las comparten.
rule-exec-cost_priority-lowest_when_idle = No pagar nada en reposo es justo para lo que sirven los entornos de pago por uso; un servidor cuesta lo mismo a las 3 de la madrugada que a mediodía.
rule-exec-cost_priority-predictable = Una factura que sigue a cada petición es más difícil de prever que una capacidad que eliges tú.
rule-exec-cost_priority-performance_first = Para el mejor rendimiento quieres procesos calientes y control sobre la máquina.
rule-exec-teams-from-6 = Muchos equipos operando muchos servicios salen ganando con una plataforma de orquestación compartida.

## Requisitos de los microservicios

prerequisite-microservices-teams = Los microservicios se amortizan cuando varios equipos necesitan trabajar sin esperarse unos a otros; con { $value ->
    [one] un solo equipo
   *[other] { $value } equipos
} la coordinación que eliminan es poca.
prerequisite-microservices-independent_releases = Los microservicios compensan cuando la mayoría de las partes deben publicarse con su propio calendario; si solo algunas lo necesitan, sepáralas en unos pocos servicios y mantén juntas las demás.
prerequisite-microservices-domain_clarity = Con las fronteras aún poco claras, los límites entre servicios que traces ahora estarán mal, y moverlos a través de la red cuesta mucho más que dentro de un único código.
prerequisite-microservices-ops_maturity = Cada servicio necesita su propio pipeline, su monitorización y sus guardias; desplegar a mano no escala a muchos desplegables.

## Tensiones entre respuestas

tension-microservices_wish_without_prerequisites = Tus respuestas piden partes que escalen y se publiquen por su cuenta ({ $wants }), pero falta lo que hace que los servicios separados funcionen ({ $against }). Si divides ahora, pagarás un sistema distribuido sin obtener sus ventajas. Primero: automatiza la compilación, el despliegue y la monitorización; traza las fronteras como módulos con dueño dentro de un único código; dale a cada parte que deba moverse sola un equipo propio. Extrae un módulo como servicio solo cuando su frontera haya aguantado varios meses.
tension-growth_without_automation = Un producto que ya tiene usuarios que perder ({ $wants }) se sigue desplegando y vigilando a mano ({ $against }): cada despliegue es un riesgo y cada caída la descubren primero los clientes. Primero: un pipeline automatizado desde el commit hasta producción, monitorización con alertas y una marcha atrás ensayada. Nada más de este consejo compensa antes que eso.
tension-one_team_too_large = Cuentas { $wants } en un solo equipo ({ $against }). Son más personas de las que caben en un equipo: la planificación, las revisiones y los despliegues se frenan mucho antes que cualquier estructura del código. Primero: reparte a las personas en equipos de cinco a nueve, cada uno alrededor de una parte del producto, y luego dale a cada equipo sus módulos. La estructura del código sigue a los equipos, no al revés.
tension-own_servers_without_operations = Funcionar en tus propios servidores o en varias nubes ({ $wants }) convierte los parches, las copias de seguridad, la capacidad y la conmutación por error en trabajo tuyo, pero todavía nadie opera producción ({ $against }). Primero: automatiza la preparación de los servidores y cada despliegue, y pon en marcha la monitorización y copias de seguridad probadas antes de que los clientes dependan de ellas. Comprueba también si una sola nube con un plan de salida por escrito (contenedores, bases de datos estándar, sin servicios propietarios) cumpliría el requisito.
tension-idle_cost_with_open_connections = Quieres no pagar nada en reposo ({ $wants }), pero las conexiones abiertas o el estado en memoria ({ $against }) mantienen algo en marcha, y facturando, a todas horas. Primero: lleva las conexiones a un pequeño proceso siempre encendido o a la pasarela de websockets gestionada del proveedor y guarda el estado en un almacén; así el resto del trabajo puede detenerse cuando no hay actividad.
tension-idle_savings_on_steady_load = Quieres no pagar nada en reposo ({ $wants }), pero el tráfico nunca descansa ({ $against }). El pago por uso no ahorra nada con una carga constante y cuesta más por petición en cuanto hay mucha actividad. Dimensiona la capacidad para la carga y deja que decida la comparación de costes de abajo; reserva el pago por uso para los trabajos ocasionales de alrededor.
tension-performance_first_on_functions = Pones la velocidad por delante ({ $wants }), y aun así las funciones salen ganando para este tráfico. Una función inactiva arranca en frío y una ocupada solo recibe CPU mientras se ejecuta. Primero: identifica las rutas que siempre deben ser rápidas y dales capacidad caliente (concurrencia aprovisionada o instancias mínimas, que se pagan se usen o no) o un contenedor que siga en marcha; deja las funciones para el trabajo de alrededor.
tension-cold_start_latency = Las funciones inactivas tardan 1–2 segundos en arrancar ({ $wants }). Mantén calientes las rutas críticas en latencia con concurrencia aprovisionada (se paga se use o no) o ejecútalas en un contenedor.
tension-fast_answers_at_no_idle_cost = Responder rápido en todo momento ({ $wants }) exige tener algo caliente, y no pagar nada en reposo ({ $against }) significa que no lo hay. Primero: elige las pocas rutas que deben ser rápidas y mantén calientes solo esas (instancias mínimas o concurrencia aprovisionada, un coste mensual fijo); deja que todo lo demás escale a cero.
tension-functions_cannot_hold_connections = Las funciones terminan tras cada petición, así que los websockets, los streams y el estado en memoria ({ $wants }) necesitan un proceso que siga en marcha (mira el consejo por partes).
tension-predictable_bill_on_pay_per_use = Quieres una factura predecible ({ $wants }), y en funciones el trabajo a ráfagas ({ $against }) hace que la factura siga cada ráfaga. Primero: pon una alerta de presupuesto y un límite de concurrencia en cada función, para que una ráfaga o un bucle de reintentos no dispare la factura; dale al trabajo de fondo constante un worker de tamaño fijo.
tension-lock_in_on_functions = Te gustaría conservar la opción de moverte ({ $wants }), y las funciones atan el código a los disparadores, los permisos y los servicios de un proveedor. Mantén la lógica de negocio en módulos normales detrás de manejadores finos y habla con otros servicios mediante protocolos estándar, para que mudarse signifique reescribir los manejadores, no el producto.
tension-kubernetes_needs_a_platform_team = Kubernetes sale ganando aquí sobre todo porque las alternativas quedan descartadas, pero un clúster necesita personas que lo actualicen, lo aseguren y lo vigilen ({ $against }). Presupuesta ese equipo, o una plataforma gestionada que lo haga por ti.

## Siguientes pasos, según la opción elegida

next-monolith-1 = Mantén un único código y un único desplegable; organiza el código por capacidades de negocio, no por capas técnicas.
next-monolith-2 = Automatiza ya la compilación, las pruebas y el despliegue: a este tamaño es barato y todo lo que venga después se apoya en ello.
next-modular_monolith-1 = Traza las fronteras de los módulos alrededor de las capacidades de negocio y hazlas cumplir en la compilación: ningún módulo entra en las interioridades ni en las tablas de otro.
next-modular_monolith-2 = Dale a cada módulo un dueño y una interfaz pública; mantén un único desplegable y una única base de datos con un esquema por módulo.
next-modular_monolith-3 = Mide dónde chocan de verdad los despliegues o la carga antes de extraer ningún módulo como servicio.
next-service_based-1 = Separa solo las partes que tengan un motivo claro (una necesidad de escalado o un calendario de despliegue distintos) como unos pocos servicios grandes.
next-service_based-2 = Dale a cada servicio sus propios datos; compártelos mediante APIs o eventos, nunca a través de las tablas de otro.
next-service_based-3 = Pon en marcha el trazado distribuido y los logs centralizados antes de que el segundo servicio llegue a producción.
next-microservices-1 = Alinea cada servicio con un equipo y una capacidad de negocio; ese equipo lo construye, lo publica y lo opera.
next-microservices-2 = Invierte primero en la plataforma: plantillas, pipelines, trazado y contratos probados entre servicios.
next-microservices-3 = Divide siguiendo las fronteras estables, de servicio en servicio (patrón strangler), nunca en una gran reescritura.
next-functions-1 = Empieza con una función por punto de entrada (grupo de rutas HTTP, cola, tarea programada), compartiendo un único código y un único despliegue.
next-functions-2 = Vigila el volumen mensual frente al punto de equilibrio; pasa a contenedores las rutas constantes y con mucha carga cuando lo superen.
next-managed_containers-1 = Empaqueta la aplicación como una única imagen de contenedor y despliégala en un entorno gestionado (Cloud Run, Azure Container Apps, App Runner o ECS sobre Fargate) con autoescalado.
next-managed_containers-2 = Fija un mínimo de una o dos instancias para las rutas sensibles a la latencia y deja que el resto escale con la carga.
next-kubernetes-1 = Ejecútalo sobre un plano de control gestionado (EKS, GKE o AKS) y deja que el equipo de plataforma sea dueño del clúster.
next-kubernetes-2 = Estandariza el despliegue con un chart o plantilla por servicio, con peticiones de recursos dimensionadas a partir del uso real.
next-virtual_machines-1 = Automatiza las máquinas desde el primer día (imágenes, configuración como código) para poder reconstruir un servidor en minutos.
next-virtual_machines-2 = Ejecuta al menos dos instancias detrás de un balanceador de carga y dimensiónalas a partir de la CPU medida, no de suposiciones.

## Cuándo revisarlo, según la opción elegida

revisit-monolith-1 = Un segundo equipo empieza a publicar en el mismo código y los despliegues empiezan a hacer cola.
revisit-monolith-2 = Una parte necesita mucha más capacidad que el resto.
revisit-modular_monolith-1 = Un módulo necesita su propio calendario de despliegue o su propio escalado, y su frontera lleva meses aguantando.
revisit-modular_monolith-2 = Las compilaciones o las pruebas de todo el código se convierten en el cuello de botella.
revisit-service_based-1 = Un servicio crece hasta tener varios equipos como dueños (divídelo más) o dos servicios cambian siempre a la vez (únelos).
revisit-microservices-1 = La mayoría de los cambios tocan varios servicios a la vez: las fronteras están mal, y unir sale más barato que coordinar.
revisit-microservices-2 = El trabajo de plataforma crece más deprisa que el trabajo de producto.
revisit-functions-1 = El tráfico se vuelve constante y alto: por encima de aproximadamente { $break_even } al mes, los contenedores cuestan menos.
revisit-functions-2 = Los arranques en frío se notan en la latencia que ven los usuarios.
revisit-managed_containers-1 = El tráfico pasa a ir a picos con largos periodos de inactividad: entonces las funciones de pago por uso pueden costar menos.
revisit-managed_containers-2 = Necesitas un control que el entorno gestionado no da (GPUs, redes especiales, demonios).
revisit-kubernetes-1 = El clúster exige más atención que los servicios que corren en él: pasa a contenedores gestionados.
revisit-virtual_machines-1 = La carga se vuelve variable: los contenedores con autoescalado evitan que pagues máquinas ociosas.
revisit-virtual_machines-2 = Parchear y reconstruir servidores se lleva una parte apreciable del tiempo del equipo.

## El mapa: para qué sirve cada pareja organización × ejecución, y las pocas palabras de su
## casilla (como mucho 2 líneas de 12 caracteres)

map-monolith-functions = Un único código desplegado como funciones: casi nada que operar y nada que pagar en reposo. Un gran comienzo para un equipo pequeño con tráfico irregular.
map-monolith-functions-short =
    App pequeña,
    con picos
map-modular_monolith-functions = Un único código con módulos estrictos, desplegado como unas pocas funciones: la estructura crece con el equipo mientras la factura sigue al tráfico.
map-modular_monolith-functions-short =
    Módulos,
    pago por uso
map-service_based-functions = Unos pocos servicios grandes, cada uno un grupo de funciones: encaja con partes que se disparan por colas, subidas de archivos y tareas programadas; las llamadas entre ellos suman arranques en frío y dependencia del proveedor.
map-service_based-functions-short =
    Partes por
    eventos
map-microservices-functions = Muchos servicios hechos de muchas funciones: doblemente granular, así que se multiplican las llamadas, los permisos, los despliegues y los arranques en frío. Solo para sistemas orientados a eventos con un equipo de plataforma que los dome.
map-microservices-functions-short =
    Muchas
    piezas
map-monolith-managed_containers = Una única imagen de contenedor en un entorno gestionado: autoescalado sin servidores, sin límites de tiempo y lo mínimo que operar cuando el tráfico es constante.
map-monolith-managed_containers-short =
    Inicio más
    sencillo
map-modular_monolith-managed_containers = Módulos estrictos en una sola imagen sobre un entorno gestionado: varios equipos comparten un código y nadie opera nada por debajo del contenedor.
map-modular_monolith-managed_containers-short =
    Margen para
    crecer
map-service_based-managed_containers = Un puñado de servicios grandes, cada uno su propio servicio de contenedores gestionados: escalado y despliegues independientes donde compensan, sin operar un clúster.
map-service_based-managed_containers-short =
    Pocas
    divisiones
map-microservices-managed_containers = Cada servicio, un servicio de contenedores gestionados: funciona con un número moderado de servicios; con decenas, el despliegue, la red y el control de costes piden una plataforma.
map-microservices-managed_containers-short =
    Servicios,
    sin clúster
map-monolith-kubernetes = Una sola aplicación en Kubernetes: el clúster exige más atención que la aplicación, salvo que un equipo de plataforma ya opere uno para otras cargas.
map-monolith-kubernetes-short =
    Un clúster
    para una app
map-modular_monolith-kubernetes = Un único desplegable en Kubernetes: sensato en un clúster que ya opera un equipo de plataforma, o cuando el software debe ser portable; si no, es sobrecarga.
map-modular_monolith-kubernetes-short =
    Solo en uno
    compartido
map-service_based-kubernetes = Unos pocos servicios en un clúster: razonable con un equipo de plataforma o si hay que poder ejecutarlo en cualquier parte; si no, los contenedores gestionados hacen lo mismo con menos que operar.
map-service_based-kubernetes-short =
    Plataforma o
    portabilidad
map-microservices-kubernetes = Muchos servicios, cada uno de un equipo, sobre una plataforma de orquestación común: el hogar habitual de los microservicios cuando un equipo de plataforma la opera para todos.
map-microservices-kubernetes-short =
    Muchos
    equipos
map-monolith-virtual_machines = Una sola aplicación en unas pocas máquinas automatizadas detrás de un balanceador: la forma más barata de servir tráfico constante y alto, y la manera de funcionar en tus propios servidores.
map-monolith-virtual_machines-short =
    Carga fija,
    servidores
map-modular_monolith-virtual_machines = Módulos estrictos en unas pocas máquinas automatizadas: en local o con carga constante, un único desplegable mantiene pequeña la operación mientras crecen los equipos.
map-modular_monolith-virtual_machines-short =
    Local, un
    desplegable
map-service_based-virtual_machines = Unos pocos servicios en máquinas que operas tú: cada uno necesita su propio despliegue, sus parches y su plan de capacidad; viable con una automatización a fondo.
map-service_based-virtual_machines-short =
    Operación
    por servicio
map-microservices-virtual_machines = Muchos servicios en máquinas que operas tú mismo: despliegue, parches, capacidad y conmutación por error para cada equipo; un orquestador o un entorno gestionado suele amortizarse solo.
map-microservices-virtual_machines-short =
    Operación
    pesada
