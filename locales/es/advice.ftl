# Lo que dice la recomendación además de los textos del propio modelo (locales/es/model.ftl):
# los nombres de las opciones, los motivos y fórmulas de coste, las advertencias sobre límites y
# los consejos para partes de la carga de trabajo. Los nombres de productos ($product) y las
# cifras llegan como argumentos.

## Las opciones

organisation-monolith = un monolito
organisation-modular_monolith = un monolito modular
organisation-service_based = unos pocos servicios grandes
organisation-microservices = microservicios
execution-functions = funciones (FaaS)
execution-managed_containers = contenedores gestionados
execution-kubernetes = Kubernetes
execution-virtual_machines = máquinas virtuales
# «un monolito modular en contenedores gestionados», dentro de una frase y al empezarla (el
# título elige según el id de la organización).
summary = { $organisation } en { $execution }
summary-title = { $organisation ->
    [monolith] Un monolito
    [modular_monolith] Un monolito modular
    [service_based] Unos pocos servicios grandes
   *[microservices] Microservicios
} en { $execution }
confidence-high = alta
confidence-medium = media
confidence-low = baja
verdict-fits = suele encajar
verdict-depends = depende
verdict-warns = con advertencia

## Respuestas citadas en una frase: «equipos: 1 (supuesto)»

quoted-answer = { $topic }: { $value }
quoted-answer-assumed = { $topic }: { $value } (supuesto)

## Número de peticiones en palabras

requests-count = { $count ->
    [one] { $count } petición
   *[other] { $count } peticiones
}
requests-thousands = { $count } mil peticiones
requests-millions = { $count ->
    [one] { $count } millón de peticiones
   *[other] { $count } millones de peticiones
}
requests-billions = { $count } mil millones de peticiones

## Motivos de coste

reason-cheapest = Con { $volume } al mes, { $option } es la opción más barata que tienes disponible: unos { $cost } al mes (funciones { $functions }, contenedores gestionados { $containers }, máquinas virtuales { $machines }).
reason-expensive = Con { $volume } al mes, { $option } costaría unos { $cost } al mes, { $times } veces lo más barato.
reason-function-memory = Un manejador que necesita { $memory } MB no cabe: { $product } da como mucho { $limit } MB a una función.
reason-function-duration = Una petición típica de { $duration } ms dura más de lo que { $product } permite a una ejecución ({ $limit } s).

## Advertencias

warning-distributed-monolith = Tus respuestas se inclinan por { $option }, pero falta lo que hace que compensen ({ $missing }). Si divides ahora, lo más probable es acabar con un monolito distribuido: cada cambio sigue obligando a mover varios servicios a la vez, ahora a través de la red. La recomendación es la mejor opción sin ese riesgo.
warning-consider-consolidating = Ya operas varios servicios sin todo lo que necesitan para compensar. Los servicios que siempre cambian juntos salen más baratos si vuelven a unirse en un único desplegable con módulos claros.
warning-long-jobs = El trabajo de más de 15 minutos no puede ejecutarse como función (AWS Lambda se detiene a los 900 segundos y el plan de consumo de Azure Functions a los 10 minutos). Ejecuta esos trabajos como trabajos de contenedor o en una máquina, lo que ejecute el resto.
warning-long-requests = Una petición típica de más de 15 minutos no puede ejecutarse como función de ninguna manera.
warning-on-premises = Funcionar en tus propios servidores o en varias nubes descarta las funciones y los contenedores gestionados de los proveedores; la comparación de costes los muestra solo como referencia.
warning-functions-cost = Con este volumen, las funciones cuestan { $functions } al mes frente a { $containers } de los contenedores: el pago por uso está perdiendo su ventaja. Vigila el punto de equilibrio.
warning-short-function-limit = { $product } detiene una ejecución a los { $minutes } minutos: los trabajos que tardan más necesitan un plan sin ese límite o un trabajo de contenedor.

## Partes de la carga de trabajo que deberían ejecutarse de otra forma

part-bursty = Manejadores de eventos, tareas programadas y trabajo de fondo a ráfagas
part-bursty-why = Se ejecutan durante segundos y esperan inactivos entre medias: el pago por uso cobra solo el trabajo, y los disparadores de colas, subidas de archivos y tareas programadas vienen incluidos.
part-connections = Conexiones en tiempo real (websockets, streams, estado en memoria)
part-connections-why = Una función no puede mantener una conexión abierta; un pequeño proceso que siga en marcha sí, y puede pasarles el trabajo a las funciones.
part-minute-jobs = Trabajos que duran minutos
part-minute-jobs-why = Caben bajo el límite de 15 minutos, pero una función cobra cada segundo de ellos y se corta en seco al llegar al límite; un trabajo de contenedor no tiene ninguno de esos problemas.

## Cómo se calcula cada cifra mensual

formula-parts = { $parts }
formula-functions = { $requests } × { $per_million } US$/1M + { $requests } × duración (s) × memoria ({ $memory }) × { $per_memory_second } US$/{ $memory_second }
formula-functions-vcpu = { $requests } × { $per_million } US$/1M + { $requests } × duración (s) × memoria ({ $memory }) × { $per_memory_second } US$/{ $memory_second } + { $requests } × duración (s) × vCPU × { $per_vcpu_second } US$/vCPU-segundo
formula-functions-min-billed = cada ejecución se factura por al menos { $ms } ms
formula-functions-free = menos { $free } gratis cada mes
formula-free-requests = { $count } { $requests }
formula-free-memory = { $count } { $memory_second }s
formula-free-vcpu = { $count } vCPU-segundos
formula-containers = vCPU = máx({ $min_instances } × { $min_vcpu }, peticiones/s en el pico × duración (s) × fracción de CPU { $cpu_share } ÷ utilización { $utilisation }); memoria = máx(vCPU × { $gb_per_vcpu } GB, un manejador); coste = (vCPU × { $per_vcpu_hour } US$/h + GB × { $per_gb_hour } US$/h) × { $hours } h
formula-containers-requests = vCPU = máx({ $min_instances } × { $min_vcpu }, peticiones/s en el pico × duración (s) × fracción de CPU { $cpu_share } ÷ utilización { $utilisation }); memoria = máx(vCPU × { $gb_per_vcpu } GB, un manejador); coste = (vCPU × { $per_vcpu_hour } US$/h + GB × { $per_gb_hour } US$/h) × { $hours } h + peticiones × { $per_million } US$/1M
formula-machines = la flota más barata de un solo tamaño cuya vCPU sostenida cubre la CPU del pico ÷ utilización { $utilisation }, con al menos { $min_instances ->
    [one] { $min_instances } instancia
   *[other] { $min_instances } instancias
}, × precio por hora × { $hours } h
formula-machines-own = el mes de un servidor = su precio ÷ { $months } meses + sus vatios × { $hours } h × { $per_kwh } US$/kWh × PUE { $pue } + sus horas de operación × { $per_ops_hour } US$/h
billing-unit-requests = peticiones
billing-unit-executions = ejecuciones
billing-unit-GB-second = GB-segundo
billing-unit-GiB-second = GiB-segundo

## Tus propios servidores, con precios supuestos (el libro de precios los nombra por estos ids)

product-own-servers = tus propios servidores
product-own-servers-kubernetes = Kubernetes en tus propios servidores
price-source-own-servers = Supuestos: precios de catálogo de servidores de rack 1U actuales, el precio medio de la electricidad comercial en EE. UU. y una tarifa por hora para el trabajo de operación
