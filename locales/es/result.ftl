# La página del resultado: la recomendación, el mapa de la idea, la comparación de costes y su
# gráfico.

## El resultado

result-loading = Cargando el resultado…
result-failed = No se pudo cargar el resultado
result-failed-retry = Vuelve a intentarlo en un momento.
result-title = Recomendación: { $summary }
result-description = La guía para decidir recomienda { $summary }, con motivos, advertencias y una comparación de costes mensuales.
result-stamp = Tu resultado · { $created } · modelo { $model }
result-heading = Construye { $summary }
result-confidence = Confianza: { $level }
result-moved-on = Este resultado se calculó con la versión { $then } del modelo de la guía; ahora la guía usa la versión { $now }. Se muestra tal como se calculó. Edita las respuestas para ver qué dice el modelo actual.
result-talk = Hablemos de esto
result-edit = Editar respuestas
result-permanent = Enlace permanente:
result-organise = Cómo organizarlo: { $option }
result-run = Cómo ejecutarlo: { $option }
result-recommended = (recomendado)
result-why = Por qué
result-for = a favor de { $option }
result-against = en contra de { $option }
result-watch-out = Ojo con esto
result-parts = Partes que deberían ejecutarse de otra forma
result-part = { $part } → { $option }:
result-next-steps = Siguientes pasos
result-revisit = Revísalo cuando
result-map = Dónde está tu sistema
result-flip = Qué lo cambiaría
result-flip-text = Si tu respuesta a «{ $question }» fuera «{ $to }», la guía recomendaría { $option } en su lugar.
result-what-if = Qué cambiaría el consejo
result-what-if-intro = Cada línea cambia una respuesta y mantiene el resto; la guía se ha vuelto a ejecutar para cada una.
result-what-if-caption = Respuestas que cambiarían el consejo
result-what-if-yours = Tu respuesta
result-what-if-instead = Si en cambio
result-what-if-advice = La guía recomendaría
result-on = en
result-what-if-bold = En negrita: lo que cambiaría respecto a tu recomendación.

## Copiar e imprimir

share-copy = Copiar enlace
share-copied = Enlace copiado.
share-blocked = Aquí no se puede copiar: copia el enlace que aparece abajo.
share-print = Imprimir

## La comparación de costes

cost-heading = Cuánto costaría ejecutarlo, al mes
cost-prices = Solo cómputo, con los precios bajo demanda de { $provider } en { $region } ({ $currency }), a fecha de { $as_of }. Una estimación para comparar opciones, no un presupuesto.
cost-prices-on-premises = Solo cómputo: los precios bajo demanda de { $provider } en { $region } ({ $currency }) para las opciones gestionadas, como referencia; tus propios servidores para el resto. A fecha de { $as_of }. Una estimación para comparar opciones, no un presupuesto.
cost-caption = Coste mensual según la forma de ejecutarlo
cost-way = Forma de ejecutarlo
cost-per-month = Al mes
cost-row-functions = Funciones ({ $product })
cost-row-containers = Contenedores gestionados ({ $product })
cost-row-machines = Máquinas virtuales ({ $product })
cost-break-even = Por encima de unas { $requests } peticiones al mes, los contenedores gestionados cuestan menos que las funciones para esta carga.
cost-no-break-even = Para esta carga, las funciones y los contenedores gestionados no se intercambian el puesto entre 1 y 10¹² peticiones al mes.
cost-assumptions = Supuestos
cost-assumption-workload = { $requests } peticiones al mes, { $duration } ms cada una, { $memory } MB de memoria, un pico de { $peak } veces la media.
cost-assumption-sizing = Los contenedores y las máquinas virtuales atienden muchas peticiones a la vez, así que se dimensionan por la CPU que de verdad usa una petición: el { $cpu_share } % de su duración (las peticiones web pasan la mayor parte del tiempo esperando a bases de datos y a otros servicios), con un { $utilisation } % de utilización en el pico y al menos { $instances ->
    [one] { $instances } instancia
   *[other] { $instances } instancias
} todo el mes.
cost-free-tier-included = Se descuenta el nivel gratuito mensual de las funciones (en la fórmula de arriba).
cost-free-tier-not-included = No se descuenta el nivel gratuito mensual de las funciones (lo comparte todo lo que hay en una cuenta).
cost-free-tier-include = Incluir el nivel gratuito de las funciones
cost-free-tier-leave-out = Quitar el nivel gratuito
cost-kubernetes-managed = Kubernetes costaría unos { $cost } al mes: las máquinas virtuales de arriba más un plano de control gestionado.
cost-kubernetes-own = Kubernetes costaría unos { $cost } al mes: las máquinas virtuales de arriba más los servidores del plano de control y las horas que lleva operar el clúster.
cost-kubernetes-existing = Kubernetes costaría unos { $cost } al mes: las máquinas virtuales de arriba (el clúster de tu equipo de plataforma ya existe).
cost-sources = De dónde salen los precios
cost-source-pricing = Precios de { $product }
cost-source-read = , consultados el { $as_of }.

## El gráfico de costes

chart-title = Coste mensual según las peticiones mensuales
chart-description = Coste mensual frente a peticiones mensuales, ambos en escala logarítmica. Con tu volumen de { $volume } peticiones al mes: { $summary }.
chart-description-break-even = Los contenedores gestionados pasan a ser más baratos que las funciones por encima de unas { $requests } peticiones al mes.
chart-at-volume = { $option }, unos { $cost }
chart-break-even = equilibrio
chart-you = tú
chart-requests-axis = peticiones al mes
chart-thousands = { $count } mil
chart-millions = { $count } M
chart-billions = { $count } mil M
chart-numbers = Los números detrás del gráfico
chart-numbers-caption = Coste mensual para cada volumen de peticiones
chart-requests-column = Peticiones al mes

## El mapa de la idea

map-title = Cómo lo organizas × cómo lo ejecutas
map-organised = organización →
map-runs-on = ejecución ↓
map-column-monolith = Monolito
map-column-modular_monolith =
    Monolito
    modular
map-column-service_based =
    Pocos
    servicios
map-column-microservices =
    Micro-
    servicios
map-row-functions = Funciones
map-row-managed_containers =
    Contenedores
    gestionados
map-row-kubernetes = Kubernetes
map-row-virtual_machines =
    Máquinas
    virtuales
map-axes = Dieciséis formas de construir un sistema: cómo se organiza (en horizontal: un monolito, un monolito modular, unos pocos servicios grandes, microservicios) y cómo se ejecuta (en vertical: funciones, contenedores gestionados, Kubernetes, máquinas virtuales).
map-description = { $axes } { $fits } suelen encajar, { $depends } dependen de la situación y { $warns } vienen con advertencia.
map-description-result = { $axes } Cada una está sombreada según lo bien que encaja con tus respuestas. La tuya: { $yours }; las alternativas más cercanas: { $neighbours }.
map-with-fit = { $phrase } (encaje { $score })
map-cell-held = { $score } retenida
map-cell-no-fit = no encaja
map-cell-name = { $shown }: { $phrase }, { $what }
map-fit = encaje { $score } de 100
map-fit-recommended = encaje { $score } de 100, tu recomendación
map-fit-held-back = encaje { $score } de 100, retenida: le faltan sus requisitos
map-fit-no-fit = encaje { $score } de 100, una de las dos mitades no encaja en absoluto con tus respuestas
map-legend-result = ★ marca tu recomendación. Cada número indica lo bien que encaja la pareja con tus respuestas (de 0 a 100, la media de sus dos puntuaciones): cuanto más intenso el color, mejor el encaje. Borde discontinuo y «retenida»: la organización encaja con lo que quieres, pero le falta lo necesario para compensar (mira «Ojo con esto»); «no encaja»: una de las dos mitades no encaja en absoluto.
map-legend-axes = En horizontal: cómo se organiza el sistema. En vertical: cómo se ejecuta. Elige una casilla para ver su explicación.
map-table = El mapa como tabla
map-table-caption = Todas las formas de organizar y ejecutar un sistema, y para qué suele servir cada una
map-table-combination = Combinación
map-table-typically = Por lo general
map-table-typically-yours = Por lo general; para ti
map-table-why = Por qué
map-typically-fit = { $verdict }; { $fit }
