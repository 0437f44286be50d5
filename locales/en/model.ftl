# The recommendation model's texts (src/domain/data/model.toml names them by id): why each rule
# moves a score, what each prerequisite of microservices asks, the tensions between answers,
# the next steps and when to revisit each choice, and the map's sixteen cells. Arguments:
# $value is the answer a rule looked at; $wants and $against are the answers on each side of a
# tension; $break_even is a number of requests a month.

## Rules: why an answer moves a score

rule-org-stage-idea = At the idea stage the product will change shape many times; one code base is the cheapest thing to reshape.
rule-org-stage-mvp = A first version is still finding its market; speed of change matters more than independent scaling.
rule-org-stage-growth = A growing product needs structure that lets more people work in it: clear modules first, separate services where they earn their keep.
rule-org-stage-scale = At scale, parts of the system and the teams behind them usually need to move independently.
rule-org-starting_point-monolith = You already run one application: drawing module boundaries inside it is the low-risk first step, and the modules can later be carved out one at a time.
rule-org-starting_point-distributed = You already run several services, with the tooling that needs; merging them back is a project of its own.
rule-org-engineers-up-to-8 = { $value } engineers fit in one team around one code base; splitting it would put network calls between people who sit together.
rule-org-engineers-9-to-50 = With { $value } engineers, one code base still works if modules have owners and enforced boundaries.
rule-org-engineers-from-51 = { $value } engineers cannot share one unstructured code base: they need modules with owners inside one deployable, as Shopify and GitHub have, or separately deployable parts.
rule-org-teams-up-to-1 = One team gains nothing from independent deployment: it would be deploying to itself.
rule-org-teams-2-to-3 = { $value } teams can share one deployable if each owns its modules; a few coarse services also work.
rule-org-teams-from-4 = { $value } teams shipping in one deployable block each other; teams aligned with services can release alone.
rule-org-teams-from-10 = With { $value } teams, a few coarse services become shared bottlenecks of their own.
rule-org-scaling_divergence-none = When the load grows evenly, scaling the whole application is simplest and costs little extra.
rule-org-scaling_divergence-some = One or two hot spots can be split off as their own services and scaled alone, without splitting everything.
rule-org-scaling_divergence-many = Many parts with very different load are the textbook case for scaling services independently.
rule-org-independent_releases-no = If everything can ship together, one release process is less work than many.
rule-org-independent_releases-some = Only some parts need their own release schedule: split those off and keep the rest together.
rule-org-independent_releases-yes = Parts that must release on their own schedules need to be deployed separately.
rule-org-domain_clarity-unclear = Boundaries you have not found yet cannot be drawn as service lines; inside one code base they are cheap to move.
rule-org-domain_clarity-emerging = Boundaries that are taking shape are best tried out as modules before they become network calls.
rule-org-domain_clarity-stable = Stable boundaries are safe places to split, should you need to.
rule-org-ops_maturity-none = Without deployment pipelines and monitoring, each extra deployable is another thing to run by hand.
rule-org-ops_maturity-basic = Pipelines and monitoring carry a handful of services well; dozens need a platform.
rule-org-ops_maturity-platform = A platform team can give many services the deployment, observability and on-call they need.
rule-exec-stage-idea-mvp = Early on, managed runtimes keep the team building the product instead of running servers.
rule-exec-load_shape-event = Work that arrives from queues, uploads and schedules maps directly onto function triggers.
rule-exec-load_shape-spiky = Idle, then bursts: functions are there within seconds and cost nothing while idle, while provisioned servers or clusters either wait idle or start too late for the burst (the BBC and Comic Relief run such loads on functions).
rule-exec-longest_task-minutes = Jobs of several minutes fit under the 15-minute function limit, but a function bills every second of them.
rule-exec-longest_task-hours = Work longer than 15 minutes cannot run as a function: AWS Lambda stops every invocation after 900 seconds.
rule-exec-avg_duration_ms-from-900001 = A typical request of { $value } ms is longer than the 900-second limit of a function.
rule-exec-persistent_connections-true = Functions cannot hold websockets, long-lived connections or in-memory state between requests; a running process can.
rule-exec-latency-strict = An idle function can take 1-2 seconds to start; with strict latency every response must come from a warm process.
rule-exec-latency-moderate = Occasional cold starts are acceptable, but they will be noticed now and then.
rule-exec-ops_maturity-none = Without an operations practice, let the provider patch, scale and restart things for you.
rule-exec-ops_maturity-basic = Pipelines and monitoring are enough for managed containers; Kubernetes needs people who run it.
rule-exec-ops_maturity-platform = A platform team that already runs Kubernetes makes it a cheap place for one more workload.
rule-exec-portability-preferred = Function code is written against one provider's triggers and services; container images run anywhere.
rule-exec-portability-required = Running on your own servers or across clouds rules out the providers' managed functions and containers; on your own machines plain servers are the least to run (37signals, Stack Overflow and Fastmail run that way), and Kubernetes earns its keep once many teams share them.
rule-exec-cost_priority-lowest_when_idle = Paying nothing when idle is what pay-per-use runtimes are for; servers cost the same at 3 a.m. as at noon.
rule-exec-cost_priority-predictable = A bill that follows every request is harder to predict than capacity you choose.
rule-exec-cost_priority-performance_first = For the best performance you want warm processes and control over the machine.
rule-exec-teams-from-6 = Many teams running many services benefit from one shared orchestration platform.

## Prerequisites of microservices

prerequisite-microservices-teams = Microservices pay for themselves when several teams need to work without waiting for each other; with { $value ->
    [one] one team
   *[other] { $value } teams
} the coordination they remove is small.
prerequisite-microservices-independent_releases = Microservices pay off when most parts must ship on their own schedule; when only some do, split those off as a few services and keep the rest together.
prerequisite-microservices-domain_clarity = With boundaries still unclear, service lines drawn now will be wrong, and moving them across a network is far costlier than inside one code base.
prerequisite-microservices-ops_maturity = Every service needs its own pipeline, monitoring and on-call; deploying by hand does not scale to many deployables.

## Tensions between answers

tension-microservices_wish_without_prerequisites = Your answers ask for parts that scale and ship on their own ({ $wants }), but what makes separate services work is missing ({ $against }). Split now and you pay for a distributed system without getting its benefits. First: automate build, deployment and monitoring; draw the boundaries as modules with owners inside one code base; give each part that must move alone a team of its own. Carve a module out as a service only once its boundary has held for months.
tension-growth_without_automation = A product that has users to lose ({ $wants }) is still deployed and watched by hand ({ $against }): every release is a risk, and every outage is found by customers first. First: an automated pipeline from commit to production, monitoring with alerts, and a rehearsed rollback. Nothing else in this advice pays off before that.
tension-one_team_too_large = You count { $wants } in a single team ({ $against }). That is more people than one team can be: planning, reviews and releases slow down long before any code structure does. First: split the people into teams of five to nine, each around a part of the product, then give each team its modules. The code's structure follows the teams, not the other way round.
tension-own_servers_without_operations = Running on your own servers or across clouds ({ $wants }) makes patching, backups, capacity and failover your work, but nobody runs production yet ({ $against }). First: automate the servers' set-up and every deployment, and put monitoring and tested backups in place before customers depend on them. Check too whether one cloud with a written exit plan (containers, standard databases, no proprietary services) would meet the requirement.
tension-idle_cost_with_open_connections = You want to pay nothing while idle ({ $wants }), but open connections or state held in memory ({ $against }) keep something running, and billed, around the clock. First: move the connections to one small always-on process or the provider's managed websocket gateway and keep the state in a store; the rest of the work can then stop when it is idle.
tension-idle_savings_on_steady_load = You want to pay nothing while idle ({ $wants }), but the traffic never idles ({ $against }). Pay-per-use saves nothing on a steady load and costs more per request once it is busy. Size capacity for the load and let the cost comparison below decide; keep pay-per-use for occasional jobs around it.
tension-performance_first_on_functions = You put speed first ({ $wants }), yet functions come out ahead for this traffic. An idle function starts cold and a busy one gets CPU only while it runs. First: name the paths that must always be fast and give them warm capacity (provisioned concurrency or minimum instances, billed whether used or not) or a container that stays up; keep functions for the work around them.
tension-cold_start_latency = Idle functions take 1-2 seconds to start ({ $wants }). Keep latency-critical paths warm with provisioned concurrency (billed whether used or not) or run them in a container.
tension-fast_answers_at_no_idle_cost = Fast answers at every moment ({ $wants }) need something warm, and paying nothing while idle ({ $against }) means nothing is. First: pick the few paths that must be fast and keep only those warm (minimum instances or provisioned concurrency, a fixed monthly cost); let everything else scale to zero.
tension-functions_cannot_hold_connections = Functions end after each request, so websockets, streams and in-memory state ({ $wants }) need a process that stays up (see the per-part advice).
tension-predictable_bill_on_pay_per_use = You want a predictable bill ({ $wants }), and on functions bursty work ({ $against }) makes the bill follow every burst. First: set a budget alert and a concurrency limit on each function, so that a burst or a retry loop cannot run up the bill; give steady background work a fixed-size worker.
tension-lock_in_on_functions = You would like to keep the option to move ({ $wants }), and functions tie code to one provider's triggers, permissions and services. Keep the business logic in plain modules behind thin handlers and talk to other services through standard protocols, so that a move means rewriting the handlers, not the product.
tension-kubernetes_needs_a_platform_team = Kubernetes comes out ahead here mainly because the alternatives are ruled out, but a cluster needs people who upgrade, secure and watch it ({ $against }). Budget for that team, or for a managed platform that does it for you.

## Next steps, per option chosen

next-monolith-1 = Keep one code base and one deployable; organise the code by business capability, not by technical layer.
next-monolith-2 = Automate build, tests and deployment now: it is cheap at this size and everything later builds on it.
next-modular_monolith-1 = Draw module boundaries around business capabilities and enforce them in the build: no module reaches into another's internals or tables.
next-modular_monolith-2 = Give each module an owner and a public interface; keep one deployable and one database with a schema per module.
next-modular_monolith-3 = Measure where releases or load really collide before carving any module out as a service.
next-service_based-1 = Split off only the parts with a clear reason (a different scaling need or release schedule) as a few coarse services.
next-service_based-2 = Give each service its own data; share through APIs or events, never through each other's tables.
next-service_based-3 = Set up tracing and centralised logs before the second service goes live.
next-microservices-1 = Align each service with one team and one business capability; the team builds, ships and runs it.
next-microservices-2 = Invest in the platform first: templates, pipelines, tracing, and contracts tested between services.
next-microservices-3 = Split along the stable boundaries one service at a time (strangler pattern), never in one big rewrite.
next-functions-1 = Start with one function per entry point (HTTP route group, queue, schedule), sharing one code base and one deployment.
next-functions-2 = Watch the monthly volume against the break-even point; move steady, busy paths to containers when they cross it.
next-managed_containers-1 = Package the application as one container image and deploy it to a managed runtime (Cloud Run, Azure Container Apps, App Runner or ECS on Fargate) with autoscaling.
next-managed_containers-2 = Set a minimum of one or two instances for the latency-sensitive paths and let the rest scale with load.
next-kubernetes-1 = Run it on a managed control plane (EKS, GKE or AKS) and let the platform team own the cluster.
next-kubernetes-2 = Standardise deployment with one chart or template per service, with resource requests sized from real usage.
next-virtual_machines-1 = Automate the machines from day one (images, configuration as code) so a server can be rebuilt in minutes.
next-virtual_machines-2 = Run at least two instances behind a load balancer and size them from measured CPU, not guesses.

## When to revisit, per option chosen

revisit-monolith-1 = A second team starts shipping in the same code base and releases start to queue.
revisit-monolith-2 = One part needs far more capacity than the rest.
revisit-modular_monolith-1 = A module needs its own release schedule or scaling and its boundary has held for months.
revisit-modular_monolith-2 = Builds or test runs of the whole code base become the bottleneck.
revisit-service_based-1 = A service grows to be owned by several teams (split it further) or two services always change together (merge them).
revisit-microservices-1 = Most changes touch several services at once: the boundaries are wrong, and merging is cheaper than coordinating.
revisit-microservices-2 = The platform work grows faster than the product work.
revisit-functions-1 = Traffic grows steady and busy: past about { $break_even } a month containers cost less.
revisit-functions-2 = Cold starts show up in user-facing latency.
revisit-managed_containers-1 = Traffic turns spiky with long idle periods: pay-per-use functions may then cost less.
revisit-managed_containers-2 = You need control the managed runtime does not give (GPUs, special networking, daemons).
revisit-kubernetes-1 = The cluster costs more attention than the services on it: move to managed containers.
revisit-virtual_machines-1 = Load becomes variable: autoscaled containers stop you paying for idle machines.
revisit-virtual_machines-2 = Patching and rebuilding servers takes a noticeable share of the team's time.

## The map: what each organisation × execution pair is for, and the few words in its cell
## (at most 2 lines of 12 characters)

map-monolith-functions = One code base deployed as functions: almost nothing to operate and nothing to pay while idle. A strong start for a small team with uneven traffic.
map-monolith-functions-short =
    Small app,
    spiky load
map-modular_monolith-functions = One code base with enforced modules, deployed as a few functions: the structure grows with the team while the bill follows the traffic.
map-modular_monolith-functions-short =
    Modules,
    pay per use
map-service_based-functions = A few coarse services, each a group of functions: suits parts triggered by queues, uploads and schedules; calls between them add cold starts and provider lock-in.
map-service_based-functions-short =
    Event-driven
    parts
map-microservices-functions = Many services made of many functions: fine-grained twice over, so calls, permissions, deployments and cold starts multiply. Only for event-driven systems with a platform team to tame them.
map-microservices-functions-short =
    Many moving
    parts
map-monolith-managed_containers = One container image on a managed runtime: autoscaling without servers, no time limits, and the least to run once traffic is steady.
map-monolith-managed_containers-short =
    Simplest
    steady start
map-modular_monolith-managed_containers = Enforced modules in one image on a managed runtime: several teams share one code base and nobody operates anything below the container.
map-modular_monolith-managed_containers-short =
    Room to
    grow
map-service_based-managed_containers = A handful of coarse services, each its own managed container service: independent scaling and releases where they pay, without running a cluster.
map-service_based-managed_containers-short =
    Few splits,
    little ops
map-microservices-managed_containers = Each service a managed container service: works for a moderate number of services; with dozens, deployment, networking and cost control call for a platform.
map-microservices-managed_containers-short =
    Services,
    no cluster
map-monolith-kubernetes = One application on Kubernetes: the cluster takes more attention than the application, unless a platform team already runs one for other workloads.
map-monolith-kubernetes-short =
    A cluster
    for one app
map-modular_monolith-kubernetes = One deployable on Kubernetes: sensible on a cluster a platform team already runs, or where the software must be portable; otherwise overhead.
map-modular_monolith-kubernetes-short =
    Only on a
    shared one
map-service_based-kubernetes = A few services on a cluster: reasonable with a platform team or a need to run anywhere; otherwise managed containers do the same with less to run.
map-service_based-kubernetes-short =
    Platform or
    portability
map-microservices-kubernetes = Many team-owned services on one orchestration platform: the usual home for microservices once a platform team runs it for everyone.
map-microservices-kubernetes-short =
    Many teams,
    one platform
map-monolith-virtual_machines = One application on a few automated machines behind a load balancer: the cheapest way to serve steady, busy traffic, and the way to run on your own servers.
map-monolith-virtual_machines-short =
    Steady load,
    own servers
map-modular_monolith-virtual_machines = Enforced modules on a few automated machines: for on-premises or steady load, one deployable keeps the operations small while teams grow.
map-modular_monolith-virtual_machines-short =
    On-premises,
    one deploy
map-service_based-virtual_machines = A few services on machines you run: each needs its own deployment, patching and capacity plan; workable with thorough automation.
map-service_based-virtual_machines-short =
    Ops work
    per service
map-microservices-virtual_machines = Many services on machines you run yourself: deployment, patching, capacity and failover for every team; an orchestrator or a managed runtime usually pays for itself.
map-microservices-virtual_machines-short =
    Heavy ops,
    every team
