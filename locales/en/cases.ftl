# Published real-world cases (src/domain/data/cases.toml names them by id): for each, what the
# company did, the facts used with their figures, and why the accepted choices fit; plus group headings.

## The cases page and "teams like yours" on a result

cases-title = Published cases
cases-description = What real companies wrote about how they organise and run their systems, sourced and dated, grouped by what they teach, with what the guide says for the same answers.
cases-back = Back to microservices and serverless, explained
cases-lead = { $count } engineering write-ups and talks by the companies themselves: teams that split a system and merged it back, left the cloud, kept one codebase with hundreds of engineers, run hundreds of services, or have run on functions for years.
cases-how = Each case answers the guide's questions as its source supports them (the answers the source does not give are estimates, and say so) and names the choices an experienced architect would accept for that situation. The guide is tested against every one of them.
cases-fits-organisation = Organisation that fits
cases-fits-execution = Execution that fits
cases-guide-agrees = Given the same answers, the guide recommends { $organisation } on { $execution }, a choice that fits.
cases-guide-differs = Given the same answers, the guide recommends { $organisation } on { $execution }.
cases-estimated = Estimated, not in the source: { $answers }.
cases-source-blog = Engineering blog
cases-source-talk = Conference talk
cases-source-paper = Paper
similar-heading = Teams like yours
similar-intro = Companies whose answers were nearest to yours, and what they published about their own systems: what they did, what happened, and where their situation parts from yours.
similar-matched = Like you: { $answers }.
similar-matched-none = None of your answers match theirs closely; these are still the nearest.
similar-agrees = Their outcome fits your result.
similar-differs = Their outcome differs from your result. The answer that makes the difference is { $topic }: theirs was { $theirs }.
similar-differs-unknown = Their outcome differs from your result.
similar-source = Their own write-up: { $title }
similar-all = Every published case, sourced and dated

## Lesson groups

cases-lesson-fewer_parts = Back to fewer parts
cases-lesson-fewer_parts-intro = Teams that had split a system further than their situation needed merged it back and got cheaper, faster or calmer operations.
cases-lesson-own_servers = Own servers for a steady load
cases-lesson-own_servers-intro = A large, predictable load kept busy around the clock cost a fraction on owned or colocated servers of what the same capacity costs rented by the hour.
cases-lesson-one_codebase = One codebase, many engineers
cases-lesson-one_codebase-intro = Hundreds or even thousands of engineers can share one deployable application when modules have owners, tests are strong and deploys are automated.
cases-lesson-many_services = Many services, many teams
cases-lesson-many_services-intro = Many services paid off where many teams had to ship on their own schedules, and only with a platform that made each service cheap to build and run.
cases-lesson-functions = Functions for spiky and event load
cases-lesson-functions-intro = Functions suited load that arrives in bursts or as events, where keeping servers ready for the peak, or scaling them in time, was the real problem.

## Back to fewer parts

case-segment-destinations-did = Merged more than 140 per-destination services back into one service and one repository; the three engineers who had mostly kept it alive went back to building.
case-segment-destinations-facts = Segment sent hundreds of thousands of events a second to over a hundred destination APIs, each with its own queue, repository and service, added about three destinations a month, and needed three full-time engineers just to keep it running. The post gives no monthly volume, handler time, memory or peak ratio and the parts used here do not name the cloud; those answers are estimated.
case-segment-destinations-why = One small team owning near-identical delivery code gains nothing from 140 deployables; one service with a large shared pool of workers absorbs bursts and runs easily as containers or on plain virtual machines.

case-primevideo-monitoring-did = Moved the stream-quality monitor from Step Functions, Lambda and S3 into one process on ECS and EC2; infrastructure cost fell by over 90% and it now handles thousands of streams.
case-primevideo-monitoring-facts = The serverless version hit a hard scaling limit at about 5% of the expected load, and its most expensive parts were per-transition orchestration and handing video frames between components through S3; one process that keeps frames in memory removed both, and EC2 savings plans cut cost further. The post gives no team size, request volume, memory or peak figures; those answers are estimated.
case-primevideo-monitoring-why = The media converter, defect detectors and notifier always work on the same frames, so one process avoids paying to move data over the network; long-running, memory-heavy stream analysis suits containers or VMs, not short functions.

case-istio-istiod-did = Folded the Istio control plane's separate services (Pilot, Galley, Citadel and the sidecar injector) into one binary, istiod, in Istio 1.5; the whole control plane can start as a single pod.
case-istio-istiod-facts = The Istio team found the usual reasons for microservices did not apply: in most installations one team or one person ran every component, all components always shipped together at the same version, and cost was dominated by one job, serving configuration to the Envoy proxies. The post gives no traffic, memory or team-size figures; those answers are estimated, and the cloud depends on where each user runs it.
case-istio-istiod-why = When one team operates everything, everything is released together and one function dominates the load, a single deployable on Kubernetes is simpler to install, upgrade, scale and debug.

## Own servers for a steady load

case-37signals-cloud-exit-did = Moved HEY, Basecamp and its other cloud apps from AWS to its own servers in two data centres by June 2023, expecting to save about 7 million dollars over five years.
case-37signals-cloud-exit-facts = The 2022 cloud budget was about 3.2 million dollars; the company bought about 600,000 dollars of Dell servers (some 4,000 vCPUs, 7,680 GB of RAM and 384 TB of NVMe storage) and had cut a million dollars from the cloud bill by September 2023. The FAQ gives no request volume, team size or per-request figures; those answers are estimated.
case-37signals-cloud-exit-why = A stable, predictable load from a few long-lived applications, with an operations team already running data centres, makes owned hardware much cheaper than renting the same capacity, with headroom bought up front.

case-dropbox-magic-pocket-did = Built Magic Pocket, its own exabyte-scale storage system, and after two and a half years moved over 90% of users' file data off Amazon S3 into its own data centres.
case-dropbox-magic-pocket-facts = By March 2016 Dropbox had passed 500 million sign-ups and 500 petabytes of user data, more than 12 times the roughly 40 petabytes of 2012; metadata and web servers already ran in its own data centres while file contents were stored on S3. The post gives no cost saving, request volume or team size; those answers are estimated.
case-dropbox-magic-pocket-why = Storage at that scale grows steadily and can be planned, so custom hardware and software run by an experienced infrastructure team beat renting; a dedicated storage service beside the rest of the product is the natural shape.

case-ahrefs-colocation-did = Kept its main infrastructure on its own servers in a Singapore colocation centre; by its own estimate the same on AWS would have cost about 400 million dollars more over two and a half years.
case-ahrefs-colocation-facts = One Ahrefs server (2 TB of RAM, two 100G ports, about sixteen 15 TB drives) cost about 1,550 dollars a month all in, against about 17,557 for comparable AWS capacity, 11.3 times more; for 850 servers over 30 months that is roughly 39.5 against 447.7 million dollars. The post gives no request volume, handler times or team size; those answers are estimated.
case-ahrefs-colocation-why = A large, steady, storage-heavy crawling and indexing load keeps its hardware busy around the clock, so owned servers cost a fraction of cloud capacity; AWS still hosts the frontend around the world.

case-stackoverflow-architecture-did = Served about 209 million HTTP requests a day from its own data centre on 11 web servers and 4 SQL Servers, rendering a question page in about 23 ms on average.
case-stackoverflow-architecture-facts = On 9 February 2016 Stack Overflow handled 209,420,973 requests (66,294,789 page loads) and 49 million question pages at 22.71 ms on average, on 11 IIS web servers, 4 SQL Servers, 2 Redis, 3 tag-engine and 3 Elasticsearch servers behind 4 HAProxy load balancers, and held about half a million WebSocket connections open. The post gives no team size or memory per request; those answers are estimated, and the monthly volume is the daily count times 30.
case-stackoverflow-architecture-why = A steady, well-understood load served by one heavily tuned application needs few machines; owned hardware scaled up rather than out keeps latency low and cost predictable.

case-oneuptime-bare-metal-did = Moved its observability platform from a 28-node EKS cluster to MicroK8s on its own servers in one colocation rack, saving over 230,000 dollars a year.
case-oneuptime-bare-metal-facts = On AWS the 28 m7a nodes with storage and network cost over 38,000 dollars a month (over 456,000 a year); the move took 150,000 dollars of servers and about 5,500 dollars a month for power, cooling and remote hands, with a standby cluster kept on AWS. The post gives no request volume, team size or per-request figures; those answers are estimated.
case-oneuptime-bare-metal-why = The product warns customers when public clouds fail and ships as a self-hostable Helm chart, so running outside the cloud is part of the job; a steady load already on Kubernetes moved to owned servers with the same tools.

case-fastmail-own-hardware-did = Has run its email service on its own bare-metal servers for 25 years and says this is far cheaper than moving everything to the cloud.
case-fastmail-own-hardware-facts = Fastmail knows its short, medium and long-term usage well enough to buy hardware ahead of need without the cloud's fast scaling, keeps operations skills in house, and gets 5 to 10 years of useful life from its hardware to spread the cost. The parts of the post used here give no request volume, team size or cost figure; those answers are estimated.
case-fastmail-own-hardware-why = Email is a steady, growing, storage-heavy load with long-lived client connections; with in-house operations and long hardware life, owned servers beat capacity rented by the hour.

## One codebase, many engineers

case-shopify-core-monolith-did = Chose to turn its Rails monolith into a modular monolith with enforced component boundaries instead of splitting it into microservices.
case-shopify-core-monolith-facts = The core Shopify codebase had been worked on for over a decade by more than a thousand developers and had reached about 2.8 million lines of Ruby and 500,000 commits; its code was regrouped by business area, such as billing, orders and taxes, into components with clear boundaries. The post gives no traffic, current team size, memory or hosting figures; those answers are estimated.
case-shopify-core-monolith-why = Hundreds of engineers in one deployable stay productive when modules have owners and boundaries are checked, without the operating cost of hundreds of services; the result runs as containers on an orchestrator.

case-github-rails-monolith-did = Runs GitHub.com as one Ruby on Rails monolith of nearly two million lines that more than 1,000 engineers work on daily, deploying up to 20 times a day.
case-github-rails-monolith-facts = GitHub now upgrades Rails almost every week through an automated pull request, where each upgrade used to take months; its 2017 post Kubernetes at GitHub says the web and API application runs in Kubernetes on GitHub's own servers. This post gives no traffic, memory or team-count figures; those answers are estimated.
case-github-rails-monolith-why = One codebase with a strong test suite and frequent automated deploys lets a thousand engineers ship without a network boundary between every team; containers on an orchestrator provide the capacity.

case-gitlab-modular-monolith-did = Kept GitLab as one Rails monolith with a few satellite services and set out to strengthen the domain boundaries inside it rather than break it up.
case-gitlab-modular-monolith-facts = The main GitLab Rails project has over 2.2 million lines of Ruby with hundreds of engineers contributing every day; the design document says the monolith kept velocity high for over a decade, while onboarding, ownership rules and coupling have become harder. It gives no traffic, team count or hosting figures; those answers are estimated.
case-gitlab-modular-monolith-why = Boundaries that are still emerging are cheaper to fix as modules than as network calls, and one deployable keeps the open-core product approachable; modules with owners address the coupling without a fleet of services.

case-instagram-django-monolith-did = Serves Instagram from one Python Django monolith of several million lines; hundreds of engineers ship hundreds of commits a day and it deploys about 100 times a day.
case-instagram-django-monolith-facts = The server app has a few thousand Django endpoints loaded and served together; a few services have been split out but there are no plans to break it up, and commits reach production within an hour with a deploy every seven minutes. The post gives no traffic, memory or hosting figures; those answers are estimated.
case-instagram-django-monolith-why = Continuous deployment, linting and automated refactoring keep one large codebase workable for hundreds of engineers, so teams do not need separate services to ship on their own.

case-intercom-rails-monolith-did = Kept Intercom on the same Rails application for seven years as it grew to half a million lines, about 80 engineers and 100 deploys a day.
case-intercom-rails-monolith-facts = The talk's summary gives half a million lines of code, 80 engineers and 100 deploys a day, and its slides describe scaling reads on the largest Amazon RDS database with a read-through cache rather than splitting the application. It gives no traffic, memory or team-count figures; those answers are estimated.
case-intercom-rails-monolith-why = A growing product with tens of engineers gains more from one well-tooled codebase than from services; the database, not the application, was what needed scaling. Intercom ran it on plain cloud machines; with a platform team, managed containers or Kubernetes carry one application as well.

## Many services, many teams

case-uber-doma-did = Grouped about 2,200 critical microservices into around 70 domains with layers and one gateway per domain; Uber reports onboarding time cut by 25 to 50%.
case-uber-doma-facts = After growing into thousands of services, Uber kept microservices but added structure: domains of related services, layers that limit which may depend on which, a gateway as each domain's single entry point, and extensions to add logic without changing core services. The post gives no traffic, team or hosting figures; those answers are estimated.
case-uber-doma-why = Very many teams that must release on their own schedules need independently deployable services; grouping them into domains behind gateways keeps that independence without letting complexity grow unchecked.

case-monzo-microservices-did = Runs a UK bank on over 1,500 microservices on Kubernetes, deploying hundreds of times a day with shared tooling that lets engineers create and run their own services.
case-monzo-microservices-facts = At QCon London 2020 Monzo's engineers described about 1,500 services (nearly 1,600 by the day of the talk), each with one responsibility and a well-defined interface, on Kubernetes and Cassandra, with common tooling for deployment, monitoring and incidents. The talk gives no traffic, team or memory figures; those answers are estimated.
case-monzo-microservices-why = Many small squads changing a bank quickly benefit from small services they can deploy alone, but only because a platform team makes each new service cheap to create, deploy and watch.

case-netflix-cloud-migration-did = Over seven years moved from its own data centres to AWS and from one monolithic application to hundreds of microservices; by 2016 it had eight times its 2008 streaming members.
case-netflix-cloud-migration-facts = The move began after a database corruption in August 2008 stopped DVD shipping for three days and ended in early January 2016; viewing grew by three orders of magnitude in eight years, and cloud cost per streaming start ended up a fraction of the data centre's. The post gives no request volume, team size or per-request figures; those answers are estimated.
case-netflix-cloud-migration-why = Fast growth, many teams and uneven demand called for elastic capacity and independent releases; hundreds of services on cloud machines, run with heavy automation, gave both.

case-airbnb-soa-migration-did = Moved from its Ruby on Rails monolith, Monorail, to a service-oriented architecture as engineering grew from about 90 people in 2014 to over 1,000 in 2018.
case-airbnb-soa-migration-facts = With most engineers working in one monolith, incidents grew and deploy trains slowed; the talk describes services that own the reads and writes of their data, address one concern each and publish changes as standard events, behind an API gateway. It gives no traffic, memory or hosting figures; those answers are estimated.
case-airbnb-soa-migration-why = A thousand engineers queuing behind shared deploy trains is the situation services solve; splitting by concern, each service owning its data, lets teams release on their own.

case-khanacademy-goliath-did = Rewrote its Python 2 monolith of close to a million lines as Go services, switching traffic over while the site stayed live; the post calls the rewrite a success.
case-khanacademy-goliath-facts = Khan Academy aimed to lower hosting costs and improve performance and reliability; the project, Goliath, was at an early stage in spring 2020 when usage exploded as schools closed, and a Khan engineer's separate talk lists 27 Go services on Google App Engine. The post gives no service count, traffic or team-size figures; those answers are estimated.
case-khanacademy-goliath-why = The end of Python 2 forced a rewrite anyway, and a growing engineering group used it to get separately deployable services on a managed platform that follows sudden swings in demand.

case-soundcloud-microservices-did = Built new features outside its Rails monolith as microservices and then extracted existing ones, on shared tooling with Kubernetes, Docker, Prometheus and Finagle.
case-soundcloud-microservices-facts = SoundCloud could no longer change its monolith, the Mothership, with confidence, and its database schema was growing faster than it could support; new features used the monolith's internal API and events, and shared tools cut the time and decisions needed to create a service. The post gives no service count, traffic or team figures; those answers are estimated.
case-soundcloud-microservices-why = Many teams needing to move independently of one fragile codebase justified services, and investment in common tooling kept each new service cheap to build and run.

## Functions for spiky and event load

case-bbc-online-cloud-did = Rebuilt the BBC website for the cloud; about half of it is now rendered by AWS Lambda, some 2,000 functions run every second, and it scales faster for breaking news.
case-bbc-online-cloud-facts = The old site was mostly PHP in two data centres near London; the new one reaches over half the UK population each week in 44 languages and over 200 page types, and was built by hundreds of people over several years. The post gives no memory, handler time or exact team figures; those answers are estimated, and the monthly volume is 2,000 a second over a month.
case-bbc-online-cloud-why = News traffic jumps without warning and keeping virtual machines or containers ready for it took effort; functions behind caches scale on demand while shared services carry the common parts.

case-irobot-serverless-iot-did = Runs the cloud behind its connected Roomba robots entirely on serverless: Lambda and about two dozen AWS services, with no unmanaged EC2, Docker or Kubernetes.
case-irobot-serverless-iot-facts = iRobot launched its first connected Roomba in 2015 on a full-solution IoT provider, then moved to AWS IoT with Lambda behind it, because building elastic cloud infrastructure was outside its core expertise. The talk gives no request volume, team size or cost figures; those answers are estimated.
case-irobot-serverless-iot-why = Robot traffic arrives as events, and a device maker without a background in running cloud servers could skip servers entirely and spend its effort on features. The talk is about where the code runs, not how it is split: for a team of this size one modular application or a few services on functions both fit.

case-comicrelief-donations-did = Moved its donation platform to AWS Lambda; on Red Nose Day 2019 it peaked at 350 donations a second as requests went from zero to tens of thousands in a minute.
case-comicrelief-donations-facts = Donations are driven by a seven-hour TV show, so load jumps from nothing to a flood within a minute; the earlier platform ran in containers across two clouds, and Comic Relief told diginomica its bill was about 83,000 dollars in March 2015 against about 5,000 on Lambda in March 2019. The post gives no monthly volume, memory or team size; those answers are estimated.
case-comicrelief-donations-why = A load that is idle most of the year and then bursts is what functions handle best: nothing to scale up in advance and nothing to pay for while idle. For one small team, one application or a few services on those functions both fit.

case-freetrade-functions-did = Built its trading app mostly on serverless functions on Google Cloud, growing from 2 engineers on Firebase to 317 functions without a dedicated SRE until recently.
case-freetrade-functions-facts = As functions multiplied, deploying the whole codebase through Firebase grew slow and finally timed out, so Freetrade reworked how functions are packaged and deployed; with no servers to manage, engineers share the operations work. The post gives no request volume, memory or team-size figures; those answers are estimated.
case-freetrade-functions-why = A small, fast-growing team on a managed cloud can run a whole product on functions and share operations; the part that needs design is how one codebase is split into deployable functions.
