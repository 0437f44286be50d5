# El marco de cada página, la portada, la explicación, el aviso de privacidad y la página de
# «no encontrada». Los textos que se usan como HTML (ver `Tr::html`) solo pueden llevar
# <strong>, <em>, <code> y enlaces a páginas del propio sitio.
# Tratamos al lector de tú, sin vosotros: vale igual en Madrid que en Ciudad de México.

## El idioma

language-name = Español
# Cómo se escriben los números: 1234,5 y 12.345 (símbolos de CLDR para «es»).
number-decimal = ,
number-group = .
number-min-grouping = 2

## Cantidades y listas

money-usd = { $amount } US$
list-comma = { $first }, { $second }
list-parts = { $first }; { $second }
list-and = { $first } y { $second }

## Fechas (en UTC)

date = { $day } de { $month } de { $year }
date-month = { $month } de { $year }
date-time = { $date }, { $time } UTC
date-weekday = { $weekday }, { $date }
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Periodos de tiempo

period-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
period-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
period-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
period-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}

## Cabecera, pie y cambio de tema

skip-to-content = Ir al contenido
nav-main = Principal
nav-learn = Aprende
nav-guide = Guía
nav-contact = Hablemos
nav-language = Idioma
switch-to-language = Lee esta página en español
theme-switch-title = Cambiar entre tema claro y oscuro
theme-dark = Tema oscuro
footer-nav = Pie de página
footer-promise = { $brand } · te respondemos en menos de { $within } · el código sigue siendo tuyo
footer-privacy = Privacidad
footer-contact = Contacto
brand-tagline = Microservicios o monolito, serverless o servidores: decide con datos, no por moda.

## Portada

home-title = ¿Microservicios o serverless? Decide cómo organizar tu sistema y cómo ejecutarlo
home-description = Los microservicios deciden cómo se organiza un sistema; serverless, cómo se ejecuta. Responde unas pocas preguntas y recibe una recomendación razonada con una estimación de costes para tu propio tráfico.
home-heading = ¿Microservicios o serverless? Responden a preguntas distintas.
home-lead = Los microservicios deciden cómo se <strong>organiza</strong> un sistema. Serverless decide cómo se <strong>ejecuta</strong>. Se pueden combinar, y empezar por lo sencillo suele salir ganando.
home-start = Empezar la guía
home-read = Leer la explicación
home-start-note = Seis pasos cortos y sin registro: las dos decisiones con sus motivos y una estimación del coste mensual para tu tráfico.
home-organise-heading = Cómo organizarlo
home-organise-text = Una sola aplicación, módulos bien definidos, unos pocos servicios o muchos microservicios: depende de tus equipos, de tu ritmo de entregas y de lo bien que conozcas tu dominio.
home-organise-link = Los microservicios, explicados
home-run-heading = Cómo ejecutarlo
home-run-text = Funciones, contenedores gestionados, Kubernetes o tus propias máquinas: depende de la forma de tu carga, de los límites, de la operación y de la factura mensual.
home-run-link = Serverless, explicado
home-combine-heading = Cómo se combinan
home-combine-text = Existen todas las combinaciones. El error caro es adoptar cualquiera de los dos antes de que un problema real lo justifique: empieza por lo sencillo, mide y luego divide o cambia.
home-combine-link = Cómo se combinan
home-map-heading = Todo sistema está en algún punto de este mapa
home-map-text = Elige una columna según cómo organizas el código y los equipos, y una fila según cómo lo ejecutas. La mayoría de los productos jóvenes encajan en la esquina superior izquierda; el extremo derecho solo compensa con muchos equipos.
home-map-link = Encuentra tu casilla con la guía →
home-talk-heading = Habla con { $brand }
home-talk-reply = <strong>Respuesta en menos de { $within }</strong> de un ingeniero sénior, no de un guion comercial.
home-talk-code = <strong>El código sigue siendo tuyo.</strong> Todo lo que construimos está en tus repositorios desde el primer día.
home-talk-lockin = <strong>Sin dependencia de un proveedor.</strong> Te recomendamos lo que encaja con tu sistema, no lo que revendemos.
home-talk-button = Hablemos

## La explicación (/es/learn)

learn-title = Microservicios y serverless, explicados
learn-description = Los microservicios deciden cómo se organiza un sistema; serverless, cómo se ejecuta. Qué aporta y qué cuesta cada uno, cómo se combinan y por qué empezar por lo sencillo suele salir ganando.
learn-lead = Se suelen comparar como si hubiera que elegir uno. No es así: los <strong>microservicios</strong> responden a cómo <em>organizar</em> un sistema y <strong>serverless</strong> a cómo <em>ejecutarlo</em>. Esta página explica los dos, cómo encajan entre sí y por qué la opción más sencilla que funcione suele ser el mejor punto de partida.
learn-on-this-page = En esta página
learn-to-guide = Descubre qué encaja con tu sistema: empieza la guía →
learn-gain = Qué ganas
learn-cost = Qué cuesta
learn-microservices = Qué son los microservicios
learn-microservices-text = Una arquitectura de microservicios divide un sistema en servicios pequeños e independientes. Cada uno tiene una sola responsabilidad (pedidos, pagos, búsqueda), es dueño de sus propios datos y se construye, se despliega y escala por su cuenta. Los servicios se comunican entre sí por la red, mediante APIs o eventos.
learn-microservices-gain-1 = <strong>Independencia de los equipos:</strong> un equipo puede cambiar, probar y publicar su servicio sin esperar a nadie.
learn-microservices-gain-2 = <strong>Escalado selectivo:</strong> solo la parte con más carga recibe más capacidad.
learn-microservices-gain-3 = <strong>Aislamiento de fallos:</strong> un servicio que falla no tiene por qué tumbar todo el sistema.
learn-microservices-cost-1 = <strong>Comunicación entre servicios:</strong> cada llamada cruza una red que puede ser lenta o fallar, y los datos quedan repartidos entre muchos almacenes.
learn-microservices-cost-2 = <strong>Cambios coordinados:</strong> una funcionalidad que toca tres servicios necesita tres despliegues en el orden correcto.
learn-microservices-cost-3 = <strong>Operación más pesada:</strong> cada servicio necesita su propio pipeline, su monitorización, sus logs y alguien de guardia.
learn-serverless = Qué es serverless
learn-serverless-text = Serverless significa que un proveedor ejecuta tu código por ti. Con funciones (AWS Lambda, Google Cloud Functions, Azure Functions) subes el código; el proveedor lo arranca cuando llega una petición o un evento, lo escala automáticamente, lo baja a cero cuando no pasa nada y te cobra por uso. Los contenedores serverless (Cloud Run, AWS Fargate, App Runner) hacen lo mismo con imágenes de contenedor completas.
learn-serverless-gain-1 = <strong>Sin servidores que gestionar:</strong> nada de parches, de planificar capacidad ni de reemplazar máquinas.
learn-serverless-gain-2 = <strong>Escalado automático:</strong> de cero a grandes picos y vuelta, sin que nadie tenga que intervenir.
learn-serverless-gain-3 = <strong>Pago por uso:</strong> los periodos tranquilos no cuestan nada, algo ideal para cargas variables e impredecibles.
learn-serverless-cost-1 = <strong>Menos control:</strong> límites de tiempo (15 minutos en AWS Lambda), límites de memoria y arranques en frío de uno o dos segundos tras periodos de inactividad.
learn-serverless-cost-2 = <strong>Dependencia del proveedor:</strong> el código crece alrededor de los disparadores, los permisos y los servicios de un único proveedor.
learn-serverless-cost-3 = <strong>Caro con carga constante:</strong> pagar por petición sale mejor que pagar servidores ociosos, hasta que esos servidores dejarían de estar ociosos.
learn-questions = Dos preguntas distintas
learn-questions-text-1 = Los microservicios son una decisión de <strong>organización</strong>: cuántas partes desplegables tiene el sistema, dónde están sus fronteras y qué equipo es dueño de cada una. Serverless es una decisión de <strong>ejecución</strong>: quién ejecuta el código y cómo lo pagas.
learn-questions-text-2 = Como responden a preguntas distintas, existen todas las combinaciones. Una sola aplicación puede ejecutarse en funciones; cincuenta microservicios pueden correr en máquinas virtuales de toda la vida. Decide cada pregunta con sus propios argumentos: estructura de equipos y necesidades de despliegue para la primera; forma de la carga, límites y coste para la segunda.
learn-differences = Las diferencias de un vistazo
learn-table-caption = Microservicios y serverless, comparados
learn-table-aspect = Aspecto
learn-table-microservices = Microservicios
learn-table-serverless = Serverless
learn-row-nature = Naturaleza
learn-row-nature-microservices = Una arquitectura: cómo se divide el sistema en servicios
learn-row-nature-serverless = Un modelo de ejecución: cómo se ejecuta y se factura el código
learn-row-control = Control
learn-row-control-microservices = Control total del entorno de ejecución, el alojamiento y el escalado
learn-row-control-serverless = El proveedor decide los límites de ejecución, el escalado y el arranque
learn-row-operations = Operación
learn-row-operations-microservices = Tú operas cada servicio: despliegues, monitorización, guardias
learn-row-operations-serverless = El proveedor opera los servidores; tú sigues monitorizando tu código
learn-row-cost = Coste
learn-row-cost-microservices = Pagas la capacidad que reservas, la uses o no
learn-row-cost-serverless = Pagas por petición y por duración; el tiempo ocioso es gratis
learn-row-complexity = Complejidad
learn-row-complexity-microservices = Sistema distribuido: llamadas por red y datos repartidos entre servicios
learn-row-complexity-serverless = Fácil para empezar; los límites y los servicios del proveedor añaden la suya
learn-row-combinable = Combinable
learn-row-combinable-microservices = Sí: los servicios pueden correr en funciones, contenedores o máquinas
learn-row-combinable-serverless = Sí: las funciones pueden alojar una aplicación o muchos servicios
learn-combinations = Cómo se combinan
learn-combinations-text = Junta las dos preguntas y cada sistema cae en una de dieciséis casillas.
learn-map-across = <strong>En horizontal: cómo se organiza.</strong> Desde un único desplegable (un monolito), pasando por módulos con fronteras estrictas dentro de él y unos pocos servicios grandes, hasta muchos microservicios. Cada paso a la derecha suma desplegables, llamadas por red e independencia entre equipos.
learn-map-down = <strong>En vertical: cómo se ejecuta.</strong> Desde funciones que el proveedor arranca en cada petición, pasando por contenedores gestionados y Kubernetes, hasta máquinas virtuales que parcheas tú. Cada paso hacia abajo suma control y trabajo de operación.
learn-combination-1 = <strong>Microservicios en serverless:</strong> cada servicio es un conjunto de funciones o un contenedor serverless. Muy adecuado para sistemas orientados a eventos con carga irregular; vigila el número de piezas móviles y la dependencia del proveedor.
learn-combination-2 = <strong>Microservicios en contenedores:</strong> cada servicio es un contenedor en una plataforma de contenedores gestionados o en Kubernetes. La opción habitual con muchos equipos, tráfico constante y un equipo de plataforma que lo opere.
learn-combination-3 = <strong>Una aplicación sencilla en serverless:</strong> un único código bien organizado, desplegado como funciones o como un contenedor serverless. A menudo el mejor comienzo: poco que operar, nada que pagar mientras está ocioso y nada que desenredar después.
learn-trap = La trampa de la sobreingeniería
learn-trap-text-1 = El error más caro es adoptar cualquiera de los dos antes de que un problema real lo justifique. Dividir un producto joven en servicios traza fronteras antes de que nadie sepa dónde deben ir; moverlas después obliga a cambiar APIs, datos y despliegues a la vez. Los equipos que dividen demasiado pronto suelen acabar con un <em>monolito distribuido</em>: cada cambio sigue obligando a mover varios servicios a la vez, ahora a través de la red.
learn-trap-text-2 = Serverless tiene su propia trampa: construirlo todo alrededor de las funciones de un proveedor para una carga que resulta ser constante y alta, donde una capacidad siempre encendida costaría una fracción.
learn-trap-text-3 = Empieza por lo sencillo, mide y divide o cambia cuando un problema real lo justifique: las entregas se atascan unas detrás de otras, una parte necesita mucha más capacidad que el resto o la factura lo dice.
learn-choose = Cómo elegir
learn-choose-1 = <strong>Equipo pequeño o producto nuevo:</strong> una aplicación sencilla y bien organizada (un monolito o un monolito modular) en funciones serverless o en contenedores gestionados.
learn-choose-2 = <strong>Muchos equipos, necesidades de escalado muy distintas o partes que deben publicarse por separado:</strong> divide en servicios siguiendo fronteras estables, de uno en uno, cuando tengas la práctica operativa para llevarlos.
learn-choose-3 = <strong>Carga variable u orientada a eventos:</strong> serverless, con contenedores para las partes constantes y con mucha carga.
learn-choose-4 = <strong>Carga constante, alta y predecible:</strong> la capacidad reservada (contenedores o máquinas) suele salir más barata; la guía calcula el punto de equilibrio para tu tráfico.
learn-choose-text = La guía te pregunta por tu equipo, tu tráfico, tu carga de trabajo y tu operación, y responde a las dos preguntas por separado, con los motivos, las advertencias y una comparación de costes mensuales para tu propio tráfico.
learn-cases = ¿Prefieres pruebas a principios? Lee los <a class="underline" href="/learn/cases">casos publicados</a>: lo que hicieron empresas reales, contado por ellas mismas, y lo que dice la guía de cada uno.

## Aviso de privacidad

privacy-title = Privacidad
privacy-description = Qué guarda este sitio, para qué, durante cuánto tiempo, quién lo ve y cómo pedir que se borre. Sin cookies de seguimiento.
privacy-intro = Este sitio lo gestiona { $brand }. Esta página explica qué datos guarda sobre ti y por qué. Versión { $version }.
privacy-tracking = Sin seguimiento
privacy-tracking-text = No hay cookies de seguimiento, ni publicidad, ni analítica de terceros. La guía cuenta cuántas veces se muestra cada paso y cuántas personas la terminan, por día, sin cookies y sin nada que te identifique. Si cambias el tema de color, tu navegador recuerda la elección en local; nunca nos llega.
privacy-answers = Tus respuestas a la guía
privacy-answers-text = Cuando terminas la guía, guardamos tus respuestas y la recomendación para que el resultado tenga un enlace permanente que puedas compartir. Las respuestas hablan de tu sistema (tamaño del equipo, tráfico, operación), no de ti, y no se vinculan a tu nombre salvo que adjuntes el resultado a un mensaje para nosotros. Cualquiera con el enlace puede abrir el resultado; los resultados se conservan mientras el sitio esté en marcha.
privacy-contact = Cuando nos escribes
privacy-contact-text = Si envías el formulario de contacto, guardamos tu nombre, tu correo de trabajo, y de forma opcional tu empresa, tu cargo y cómo prefieres que te contactemos, tu mensaje, el idioma en que escribiste, el resultado que adjuntaste, la página desde la que llegaste, las etiquetas de campaña del enlace por el que entraste y el sitio web que te trajo hasta aquí (solo su nombre, nunca lo que buscaste), la hora y la versión de este texto que aceptaste. Solo los usamos para responderte y hablar de tu proyecto. Solo los ven nuestro equipo comercial y nuestros ingenieros.
privacy-retention = Los conservamos durante { $leads } desde nuestro último intercambio sobre ellos (tu mensaje, nuestra respuesta, una nota o un cambio de estado) y después los borramos automáticamente. Los mensajes que nuestro filtro retiene como posible spam se borran a los { $spam }. Tras un borrado solo conservamos constancia de que se hizo.
privacy-staff = Cuentas del equipo
privacy-staff-text = Las personas del equipo que inician sesión para responder mensajes tienen cuentas con su correo de trabajo; los intentos de inicio de sesión se registran por seguridad y se borran a los { $attempts }.
privacy-rights = Borrado y tus derechos
privacy-rights-text = Puedes pedirnos en cualquier momento qué datos guardamos sobre ti, que los corrijamos o que los borremos: responde a cualquier mensaje nuestro o usa el <a class="underline" href="/contact">formulario de contacto</a> y pídelo. Borramos tus datos personales y solo conservamos constancia de que se hizo el borrado.

## Página no encontrada

not-found-title = Página no encontrada
not-found-heading = Esta página no existe
not-found-text = Puede que el enlace sea antiguo o tenga una errata. Estas páginas sí están:
not-found-home = la portada
not-found-learn = microservicios y serverless, explicados
not-found-guide = la guía para decidir
not-found-contact = hablemos
