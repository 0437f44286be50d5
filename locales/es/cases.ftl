# Casos reales publicados (src/domain/data/cases.toml los nombra por id): de cada uno, qué hizo la
# empresa, los datos usados con sus cifras y por qué encajan las opciones aceptadas; y los títulos de grupo.

## La página de casos y "equipos como el tuyo" en un resultado

cases-title = Casos publicados
cases-description = Lo que empresas reales escribieron sobre cómo organizan y ejecutan sus sistemas, con fuente y fecha, agrupado por lo que enseña, y lo que dice la guía con las mismas respuestas.
cases-back = Volver a microservicios y serverless, explicados
cases-lead = { $count } artículos de ingeniería y charlas de las propias empresas: equipos que dividieron un sistema y lo volvieron a unir, que dejaron la nube, que mantienen un solo código con cientos de ingenieros, que operan cientos de servicios o que llevan años con funciones.
cases-how = Cada caso responde a las preguntas de la guía según lo que dice su fuente (las respuestas que la fuente no da son estimaciones, y así se indica) y nombra las opciones que un arquitecto con experiencia aceptaría para esa situación. La guía se prueba contra todos ellos.
cases-fits-organisation = Organización que encaja
cases-fits-execution = Ejecución que encaja
cases-guide-agrees = Con las mismas respuestas, la guía recomienda { $organisation } en { $execution }, una opción que encaja.
cases-guide-differs = Con las mismas respuestas, la guía recomienda { $organisation } en { $execution }.
cases-estimated = Estimado, no está en la fuente: { $answers }.
cases-source-blog = Blog de ingeniería
cases-source-talk = Charla en una conferencia
cases-source-paper = Artículo académico
similar-heading = Equipos como el tuyo
similar-intro = Empresas cuyas respuestas están más cerca de las tuyas, y lo que publicaron sobre sus propios sistemas: qué hicieron, qué pasó y en qué se separa su situación de la tuya.
similar-matched = Como tú: { $answers }.
similar-matched-none = Ninguna de tus respuestas se parece mucho a las suyas; aun así, son las más cercanas.
similar-agrees = Su resultado encaja con el tuyo.
similar-differs = Su resultado es distinto del tuyo. La respuesta que marca la diferencia es { $topic }: la suya fue { $theirs }.
similar-differs-unknown = Su resultado es distinto del tuyo.
similar-source = Su propio artículo: { $title }
similar-all = Todos los casos publicados, con fuente y fecha

## Grupos de lecciones

cases-lesson-fewer_parts = De vuelta a menos piezas
cases-lesson-fewer_parts-intro = Equipos que habían dividido un sistema más de lo que su situación pedía lo volvieron a unir y lo operaron de forma más barata, rápida o tranquila.
cases-lesson-own_servers = Servidores propios para una carga estable
cases-lesson-own_servers-intro = Una carga grande y predecible, ocupada día y noche, costó en servidores propios o en coubicación una fracción de lo que cuesta alquilar esa misma capacidad por horas.
cases-lesson-one_codebase = Un solo código, muchos ingenieros
cases-lesson-one_codebase-intro = Cientos e incluso miles de ingenieros pueden compartir una sola aplicación desplegable si los módulos tienen dueño, las pruebas son sólidas y los despliegues están automatizados.
cases-lesson-many_services = Muchos servicios, muchos equipos
cases-lesson-many_services-intro = Muchos servicios compensaron cuando muchos equipos tenían que publicar a su propio ritmo, y solo con una plataforma que hacía barato crear y operar cada servicio.
cases-lesson-functions = Funciones para cargas con picos y eventos
cases-lesson-functions-intro = Las funciones encajaron con cargas que llegan a ráfagas o como eventos, donde el verdadero problema era tener servidores listos para el pico o escalarlos a tiempo.

## De vuelta a menos piezas

case-segment-destinations-did = Volvió a unir más de 140 servicios, uno por destino, en un solo servicio y un solo repositorio; los tres ingenieros que sobre todo lo mantenían en pie volvieron a construir.
case-segment-destinations-facts = Segment enviaba cientos de miles de eventos por segundo a más de cien API de destino, cada una con su propia cola, repositorio y servicio, sumaba unos tres destinos al mes y necesitaba a tres ingenieros a tiempo completo solo para mantenerlo funcionando. El artículo no da volumen mensual, tiempo por evento, memoria ni relación de pico, y las partes usadas aquí no nombran la nube; esas respuestas son estimadas.
case-segment-destinations-why = Un equipo pequeño con código de entrega casi idéntico no gana nada con 140 desplegables; un solo servicio con un gran grupo compartido de workers absorbe las ráfagas y se ejecuta fácilmente en contenedores o en máquinas virtuales.

case-primevideo-monitoring-did = Llevó el monitor de calidad de las emisiones de Step Functions, Lambda y S3 a un solo proceso en ECS y EC2; el coste de infraestructura bajó más de un 90% y ahora atiende miles de emisiones.
case-primevideo-monitoring-facts = La versión serverless chocó con un límite de escalado a cerca del 5% de la carga esperada, y lo más caro era la orquestación por transición y pasar los fotogramas entre componentes a través de S3; un solo proceso que guarda los fotogramas en memoria eliminó ambas cosas, y los planes de ahorro de EC2 bajaron más el coste. El artículo no da tamaño del equipo, volumen, memoria ni picos; esas respuestas son estimadas.
case-primevideo-monitoring-why = El conversor de medios, los detectores de defectos y el notificador trabajan siempre sobre los mismos fotogramas, así que un solo proceso evita pagar por mover datos por la red; un análisis largo y con mucha memoria encaja en contenedores o máquinas virtuales, no en funciones cortas.

case-istio-istiod-did = Fundió los servicios separados del plano de control de Istio (Pilot, Galley, Citadel y el inyector de sidecars) en un solo binario, istiod, en Istio 1.5; todo arranca como un solo pod.
case-istio-istiod-facts = El equipo de Istio vio que las razones habituales para los microservicios no se cumplían: en la mayoría de las instalaciones un solo equipo o una sola persona operaba todos los componentes, todos salían siempre juntos con la misma versión y el coste lo dominaba una tarea, servir la configuración a los proxies Envoy. El artículo no da tráfico, memoria ni tamaño de equipo; esas respuestas son estimadas, y la nube depende de dónde lo ejecute cada usuario.
case-istio-istiod-why = Cuando un solo equipo lo opera todo, todo se publica a la vez y una función domina la carga, un único desplegable en Kubernetes es más fácil de instalar, actualizar, escalar y depurar.

## Servidores propios para una carga estable

case-37signals-cloud-exit-did = Llevó HEY, Basecamp y sus otras aplicaciones de AWS a servidores propios en dos centros de datos antes de junio de 2023, y espera ahorrar unos 7 millones de dólares en cinco años.
case-37signals-cloud-exit-facts = El presupuesto de nube de 2022 era de unos 3,2 millones de dólares; la empresa compró servidores Dell por unos 600.000 dólares (unas 4.000 vCPU, 7.680 GB de RAM y 384 TB de almacenamiento NVMe) y en septiembre de 2023 ya había recortado un millón de dólares de la factura de nube. Las preguntas frecuentes no dan volumen, tamaño del equipo ni cifras por petición; esas respuestas son estimadas.
case-37signals-cloud-exit-why = Una carga estable y predecible de pocas aplicaciones duraderas, con un equipo de operaciones que ya gestionaba centros de datos, hace que el hardware propio salga mucho más barato que alquilar la misma capacidad, con margen comprado de antemano.

case-dropbox-magic-pocket-did = Construyó Magic Pocket, su propio sistema de almacenamiento a escala de exabytes, y tras dos años y medio sacó más del 90% de los archivos de sus usuarios de Amazon S3 a sus centros de datos.
case-dropbox-magic-pocket-facts = En marzo de 2016 Dropbox superaba los 500 millones de registros y los 500 petabytes de datos de usuarios, más de 12 veces los unos 40 petabytes de 2012; los metadatos y los servidores web ya estaban en sus centros de datos, mientras que el contenido de los archivos se guardaba en S3. El artículo no da ahorro, volumen de peticiones ni tamaño del equipo; esas respuestas son estimadas.
case-dropbox-magic-pocket-why = A esa escala el almacenamiento crece de forma constante y planificable, así que hardware y software propios operados por un equipo de infraestructura con experiencia salen mejor que el alquiler; la forma natural es un servicio de almacenamiento dedicado junto al resto del producto.

case-ahrefs-colocation-did = Mantuvo su infraestructura principal en servidores propios en un centro de coubicación de Singapur; según su cálculo, en AWS le habría costado unos 400 millones de dólares más en dos años y medio.
case-ahrefs-colocation-facts = Un servidor de Ahrefs (2 TB de RAM, dos puertos de 100G y unos dieciséis discos de 15 TB) costaba en total unos 1.550 dólares al mes, frente a unos 17.557 por una capacidad comparable en AWS, 11,3 veces más; para 850 servidores durante 30 meses son unos 39,5 frente a 447,7 millones de dólares. El artículo no da volumen de peticiones, tiempos ni tamaño del equipo; esas respuestas son estimadas.
case-ahrefs-colocation-why = Una carga de rastreo e indexación grande, constante y con mucho almacenamiento mantiene el hardware ocupado día y noche, así que los servidores propios cuestan una fracción de la capacidad en la nube; AWS sigue sirviendo el frontend en todo el mundo.

case-stackoverflow-architecture-did = Atendía unos 209 millones de peticiones HTTP al día desde su propio centro de datos con 11 servidores web y 4 SQL Server, y generaba una página de pregunta en unos 23 ms de media.
case-stackoverflow-architecture-facts = El 9 de febrero de 2016 Stack Overflow atendió 209.420.973 peticiones (66.294.789 cargas de página) y 49 millones de páginas de pregunta a 22,71 ms de media, con 11 servidores web IIS, 4 SQL Server, 2 Redis, 3 de tag engine y 3 de Elasticsearch tras 4 balanceadores HAProxy, y mantenía abiertas cerca de medio millón de conexiones WebSocket. El artículo no da tamaño del equipo ni memoria por petición; esas respuestas son estimadas, y el volumen mensual es la cifra diaria por 30.
case-stackoverflow-architecture-why = Una carga estable y bien conocida, servida por una sola aplicación muy optimizada, necesita pocas máquinas; el hardware propio, escalado hacia arriba y no hacia los lados, mantiene la latencia baja y el coste predecible.

case-oneuptime-bare-metal-did = Llevó su plataforma de observabilidad de un clúster EKS de 28 nodos a MicroK8s en servidores propios en un solo rack de coubicación, y ahorra más de 230.000 dólares al año.
case-oneuptime-bare-metal-facts = En AWS, los 28 nodos m7a con almacenamiento y red costaban más de 38.000 dólares al mes (más de 456.000 al año); el cambio supuso 150.000 dólares en servidores y unos 5.500 dólares al mes de electricidad, refrigeración y asistencia remota, con un clúster de reserva en AWS. El artículo no da volumen, tamaño del equipo ni cifras por petición; esas respuestas son estimadas.
case-oneuptime-bare-metal-why = El producto avisa a los clientes cuando caen las nubes públicas y se distribuye como un chart de Helm que cada cliente puede alojar, así que funcionar fuera de la nube es parte del trabajo; una carga estable que ya estaba en Kubernetes pasó a servidores propios con las mismas herramientas.

case-fastmail-own-hardware-did = Lleva 25 años ejecutando su servicio de correo en servidores físicos propios y afirma que le sale mucho más barato que llevarlo todo a la nube.
case-fastmail-own-hardware-facts = Fastmail conoce su uso a corto, medio y largo plazo lo bastante bien como para comprar hardware con antelación sin necesitar el escalado rápido de la nube, mantiene la experiencia de operaciones en casa y saca de 5 a 10 años de vida útil a su hardware para repartir el coste. Las partes del artículo usadas aquí no dan volumen, tamaño del equipo ni cifras de coste; esas respuestas son estimadas.
case-fastmail-own-hardware-why = El correo es una carga estable, creciente y con mucho almacenamiento, con conexiones de cliente largas; con operaciones propias y hardware de larga vida, los servidores propios salen mejor que la capacidad alquilada por horas.

## Un solo código, muchos ingenieros

case-shopify-core-monolith-did = Decidió convertir su monolito de Rails en un monolito modular con límites entre componentes que se hacen cumplir, en lugar de dividirlo en microservicios.
case-shopify-core-monolith-facts = Más de mil desarrolladores habían trabajado durante más de una década en el código principal de Shopify, que llegaba a unos 2,8 millones de líneas de Ruby y 500.000 commits; el código se reagrupó por área de negocio, como facturación, pedidos e impuestos, en componentes con límites claros. El artículo no da tráfico, tamaño actual del equipo, memoria ni alojamiento; esas respuestas son estimadas.
case-shopify-core-monolith-why = Cientos de ingenieros en un solo desplegable siguen siendo productivos si los módulos tienen dueño y los límites se comprueban, sin el coste operativo de cientos de servicios; el resultado se ejecuta en contenedores sobre un orquestador.

case-github-rails-monolith-did = Ejecuta GitHub.com como un único monolito de Ruby on Rails de casi dos millones de líneas en el que trabajan más de 1.000 ingenieros cada día, con hasta 20 despliegues diarios.
case-github-rails-monolith-facts = GitHub actualiza ahora Rails casi cada semana mediante un pull request automático, cuando antes cada actualización llevaba meses; su artículo de 2017 Kubernetes at GitHub cuenta que la aplicación web y la API se ejecutan en Kubernetes sobre servidores propios de GitHub. Este artículo no da tráfico, memoria ni número de equipos; esas respuestas son estimadas.
case-github-rails-monolith-why = Un solo código con una batería de pruebas sólida y despliegues automáticos frecuentes permite que mil ingenieros publiquen sin una frontera de red entre cada equipo; los contenedores en un orquestador aportan la capacidad.

case-gitlab-modular-monolith-did = Mantuvo GitLab como un solo monolito de Rails con unos pocos servicios satélite y se propuso reforzar los límites entre dominios dentro de él en lugar de partirlo.
case-gitlab-modular-monolith-facts = El proyecto principal de GitLab en Rails tiene más de 2,2 millones de líneas de Ruby y cientos de ingenieros que contribuyen cada día; el documento de diseño dice que el monolito mantuvo alta la velocidad durante más de una década, mientras la incorporación de personas, las reglas de propiedad y el acoplamiento se han vuelto más difíciles. No da tráfico, número de equipos ni alojamiento; esas respuestas son estimadas.
case-gitlab-modular-monolith-why = Los límites que aún se están definiendo son más baratos de corregir como módulos que como llamadas de red, y un solo desplegable mantiene accesible el producto open core; módulos con dueño atacan el acoplamiento sin una flota de servicios.

case-instagram-django-monolith-did = Sirve Instagram desde un único monolito de Python y Django de varios millones de líneas; cientos de ingenieros suben cientos de commits al día y se despliega unas 100 veces al día.
case-instagram-django-monolith-facts = La aplicación de servidor tiene unos pocos miles de endpoints de Django que se cargan y sirven juntos; se han separado algunos servicios, pero no hay planes de partirla, y los commits llegan a producción en menos de una hora con un despliegue cada siete minutos. El artículo no da tráfico, memoria ni alojamiento; esas respuestas son estimadas.
case-instagram-django-monolith-why = El despliegue continuo, el linting y la refactorización automática mantienen manejable un código grande para cientos de ingenieros, así que los equipos no necesitan servicios separados para publicar por su cuenta.

case-intercom-rails-monolith-did = Mantuvo Intercom en la misma aplicación de Rails durante siete años mientras crecía hasta medio millón de líneas, unos 80 ingenieros y 100 despliegues al día.
case-intercom-rails-monolith-facts = El resumen de la charla habla de medio millón de líneas de código, 80 ingenieros y 100 despliegues al día, y sus diapositivas describen cómo escalaron las lecturas en la mayor base de datos de Amazon RDS con una caché de lectura en lugar de partir la aplicación. No da tráfico, memoria ni número de equipos; esas respuestas son estimadas.
case-intercom-rails-monolith-why = Un producto en crecimiento con decenas de ingenieros gana más con un solo código bien equipado que con servicios; lo que había que escalar era la base de datos, no la aplicación. Intercom la ejecutaba en máquinas de la nube sin más; con un equipo de plataforma, los contenedores gestionados o Kubernetes sostienen igual de bien una sola aplicación.

## Muchos servicios, muchos equipos

case-uber-doma-did = Agrupó unos 2.200 microservicios críticos en unos 70 dominios con capas y una pasarela por dominio; Uber informa de que el tiempo de incorporación bajó entre un 25 y un 50%.
case-uber-doma-facts = Tras crecer hasta miles de servicios, Uber mantuvo los microservicios pero les dio estructura: dominios de servicios relacionados, capas que limitan quién puede depender de quién, una pasarela como única entrada a cada dominio y extensiones para añadir lógica sin tocar los servicios centrales. El artículo no da tráfico, equipos ni alojamiento; esas respuestas son estimadas.
case-uber-doma-why = Muchísimos equipos que deben publicar a su propio ritmo necesitan servicios que se desplieguen por separado; agruparlos en dominios tras pasarelas conserva esa independencia sin que la complejidad crezca sin control.

case-monzo-microservices-did = Opera un banco británico sobre más de 1.500 microservicios en Kubernetes, con cientos de despliegues al día y herramientas comunes que permiten a los ingenieros crear y operar sus propios servicios.
case-monzo-microservices-facts = En QCon London 2020 los ingenieros de Monzo describieron unos 1.500 servicios (casi 1.600 el día de la charla), cada uno con una sola responsabilidad y una interfaz bien definida, sobre Kubernetes y Cassandra, con herramientas comunes de despliegue, monitorización e incidentes. La charla no da tráfico, equipos ni memoria; esas respuestas son estimadas.
case-monzo-microservices-why = Muchos equipos pequeños que cambian un banco a gran velocidad se benefician de servicios pequeños que pueden desplegar solos, pero solo porque un equipo de plataforma hace barato crear, desplegar y vigilar cada servicio nuevo.

case-netflix-cloud-migration-did = En siete años pasó de sus centros de datos a AWS y de una aplicación monolítica a cientos de microservicios; en 2016 tenía ocho veces los suscriptores de streaming de 2008.
case-netflix-cloud-migration-facts = El cambio empezó tras una corrupción de base de datos en agosto de 2008 que detuvo el envío de DVD durante tres días y terminó a principios de enero de 2016; el visionado creció tres órdenes de magnitud en ocho años y el coste en la nube por reproducción iniciada acabó siendo una fracción del del centro de datos. El artículo no da volumen, tamaño del equipo ni cifras por petición; esas respuestas son estimadas.
case-netflix-cloud-migration-why = Un crecimiento rápido, muchos equipos y una demanda irregular pedían capacidad elástica y publicaciones independientes; cientos de servicios en máquinas en la nube, con mucha automatización, dieron ambas cosas.

case-airbnb-soa-migration-did = Pasó de su monolito de Ruby on Rails, Monorail, a una arquitectura orientada a servicios mientras ingeniería crecía de unas 90 personas en 2014 a más de 1.000 en 2018.
case-airbnb-soa-migration-facts = Con casi todos los ingenieros trabajando en un solo monolito, aumentaron los incidentes y los trenes de despliegue se hicieron más lentos; la charla describe servicios que controlan las lecturas y escrituras de sus datos, atienden una sola responsabilidad y publican los cambios como eventos estándar, tras una pasarela de API. No da tráfico, memoria ni alojamiento; esas respuestas son estimadas.
case-airbnb-soa-migration-why = Mil ingenieros haciendo cola tras trenes de despliegue compartidos es justo lo que resuelven los servicios; dividir por responsabilidad, con cada servicio dueño de sus datos, permite a los equipos publicar por su cuenta.

case-khanacademy-goliath-did = Reescribió su monolito de Python 2 de casi un millón de líneas como servicios en Go, pasando el tráfico sin detener el sitio; el artículo califica la reescritura de éxito.
case-khanacademy-goliath-facts = Khan Academy buscaba bajar los costes de alojamiento y mejorar el rendimiento y la fiabilidad; el proyecto, Goliath, estaba en sus inicios en la primavera de 2020 cuando el uso se disparó con el cierre de las escuelas, y una charla aparte de un ingeniero de Khan enumera 27 servicios en Go sobre Google App Engine. El artículo no da número de servicios, tráfico ni tamaño del equipo; esas respuestas son estimadas.
case-khanacademy-goliath-why = El fin de Python 2 obligaba a reescribir de todos modos, y un equipo de ingeniería en crecimiento lo aprovechó para tener servicios que se despliegan por separado en una plataforma gestionada que sigue los cambios bruscos de demanda.

case-soundcloud-microservices-did = Construyó las funciones nuevas fuera de su monolito de Rails como microservicios y luego extrajo las existentes, con herramientas comunes sobre Kubernetes, Docker, Prometheus y Finagle.
case-soundcloud-microservices-facts = SoundCloud ya no podía cambiar con confianza su monolito, la Mothership, y su esquema de base de datos crecía más deprisa de lo que podía mantener; las funciones nuevas usaban la API interna y los eventos del monolito, y las herramientas comunes redujeron el tiempo y las decisiones necesarias para crear un servicio. El artículo no da número de servicios, tráfico ni equipos; esas respuestas son estimadas.
case-soundcloud-microservices-why = Muchos equipos que necesitaban avanzar sin depender de un código frágil justificaban los servicios, y la inversión en herramientas comunes mantuvo barato crear y operar cada servicio nuevo.

## Funciones para cargas con picos y eventos

case-bbc-online-cloud-did = Reconstruyó la web de la BBC para la nube; cerca de la mitad se genera ya con AWS Lambda, con unas 2.000 funciones por segundo, y escala más rápido ante las noticias de última hora.
case-bbc-online-cloud-facts = La web antigua era sobre todo PHP en dos centros de datos cerca de Londres; la nueva llega cada semana a más de la mitad de la población del Reino Unido, en 44 idiomas y más de 200 tipos de página, y la construyeron cientos de personas durante varios años. El artículo no da memoria, tiempo por petición ni cifras exactas de equipo; esas respuestas son estimadas, y el volumen mensual son 2.000 por segundo durante un mes.
case-bbc-online-cloud-why = El tráfico de noticias salta sin avisar y mantener máquinas virtuales o contenedores listos para ello costaba esfuerzo; las funciones tras las cachés escalan según la demanda, mientras los servicios compartidos llevan las partes comunes.

case-irobot-serverless-iot-did = Ejecuta la nube de sus robots Roomba conectados totalmente en serverless: Lambda y unos veinticuatro servicios de AWS, sin EC2 sin gestionar, Docker ni Kubernetes.
case-irobot-serverless-iot-facts = iRobot lanzó su primer Roomba conectado en 2015 con un proveedor de IoT llave en mano y después pasó a AWS IoT con Lambda detrás, porque construir infraestructura elástica en la nube no era su especialidad. La charla no da volumen, tamaño del equipo ni costes; esas respuestas son estimadas.
case-irobot-serverless-iot-why = El tráfico de los robots llega como eventos, y un fabricante de dispositivos sin experiencia operando servidores en la nube pudo prescindir de ellos por completo y dedicar su esfuerzo a las funcionalidades. La charla trata de dónde se ejecuta el código, no de cómo se divide: para un equipo de este tamaño encajan tanto una aplicación modular como unos pocos servicios en funciones.

case-comicrelief-donations-did = Llevó su plataforma de donaciones a AWS Lambda; en el Red Nose Day de 2019 llegó a 350 donaciones por segundo, con peticiones que pasaban de cero a decenas de miles en un minuto.
case-comicrelief-donations-facts = Las donaciones las mueve un programa de televisión de siete horas, así que la carga pasa de nada a una avalancha en un minuto; la plataforma anterior funcionaba en contenedores en dos nubes, y Comic Relief contó a diginomica que su factura fue de unos 83.000 dólares en marzo de 2015 frente a unos 5.000 con Lambda en marzo de 2019. El artículo no da volumen mensual, memoria ni tamaño del equipo; esas respuestas son estimadas.
case-comicrelief-donations-why = Una carga inactiva casi todo el año que luego estalla es lo que mejor manejan las funciones: no hay que escalar nada por adelantado ni pagar nada mientras no hay tráfico. Para un solo equipo pequeño encajan tanto una aplicación como unos pocos servicios sobre esas funciones.

case-freetrade-functions-did = Construyó su app de inversión casi toda con funciones serverless en Google Cloud, pasando de 2 ingenieros con Firebase a 317 funciones sin un SRE dedicado hasta hace poco.
case-freetrade-functions-facts = Al multiplicarse las funciones, desplegar todo el código con Firebase se volvió lento y acabó agotando el tiempo, así que Freetrade rehízo cómo se empaquetan y despliegan las funciones; sin servidores que gestionar, los ingenieros comparten el trabajo de operaciones. El artículo no da volumen, memoria ni tamaño del equipo; esas respuestas son estimadas.
case-freetrade-functions-why = Un equipo pequeño y en rápido crecimiento en una nube gestionada puede llevar todo un producto con funciones y repartirse las operaciones; lo que hay que diseñar es cómo un solo código se reparte en funciones desplegables.
