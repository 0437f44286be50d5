# What the recommendation says beyond the model's own texts (locales/en/model.ftl): the
# options' names, the cost reasons and formulas, warnings about limits, and advice for parts of
# the workload. Product names ($product) and figures arrive as arguments.

## The options

organisation-monolith = a monolith
organisation-modular_monolith = a modular monolith
organisation-service_based = a few coarse services
organisation-microservices = microservices
execution-functions = functions (FaaS)
execution-managed_containers = managed containers
execution-kubernetes = Kubernetes
execution-virtual_machines = virtual machines
# "a modular monolith on managed containers", inside a sentence and to start one (the title
# selects on the organisation's id).
summary = { $organisation } on { $execution }
summary-title = { $organisation ->
    [monolith] A monolith
    [modular_monolith] A modular monolith
    [service_based] A few coarse services
   *[microservices] Microservices
} on { $execution }
confidence-high = high
confidence-medium = medium
confidence-low = low
verdict-fits = usually fits
verdict-depends = depends
verdict-warns = a warning

## Answers quoted in a sentence: "teams: 1 (assumed)"

quoted-answer = { $topic }: { $value }
quoted-answer-assumed = { $topic }: { $value } (assumed)

## Request counts in words

requests-count = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
requests-thousands = { $count } thousand requests
requests-millions = { $count } million requests
requests-billions = { $count } billion requests

## Cost reasons

reason-cheapest = At { $volume } a month, { $option } is the cheapest option open to you: about { $cost } a month (functions { $functions }, managed containers { $containers }, virtual machines { $machines }).
reason-expensive = At { $volume } a month, { $option } would cost about { $cost } a month, { $times }× the cheapest.
reason-function-memory = A handler needing { $memory } MB does not fit: { $product } gives a function at most { $limit } MB.
reason-function-duration = A typical request of { $duration } ms is longer than { $product } allows a run to take ({ $limit } s).

## Warnings

warning-distributed-monolith = Your answers lean towards { $option }, but what makes them pay off is missing ({ $missing }). Split now and the likely outcome is a distributed monolith: every change still needs several services to move together, now across a network. The recommendation is the best option without that risk.
warning-consider-consolidating = You already run several services without everything they need to pay off. Services that always change together are cheaper merged back into one deployable with clear modules.
warning-long-jobs = Work longer than 15 minutes cannot run as a function (AWS Lambda stops at 900 seconds, Azure Functions' Consumption plan at 10 minutes). Run those jobs as container jobs or on a machine, whatever runs the rest.
warning-long-requests = A typical request longer than 15 minutes cannot run as a function at all.
warning-on-premises = Running on your own servers or across clouds excludes the providers' managed functions and managed containers; the cost comparison shows them for reference only.
warning-functions-cost = At this volume functions cost { $functions } a month against { $containers } for containers: pay-per-use is losing its edge. Watch the break-even point.
warning-short-function-limit = { $product } stops a run after { $minutes } minutes: jobs that take longer need a plan without that limit or a container job.

## Parts of the workload that should run differently

part-bursty = Event handlers, scheduled jobs and bursty background work
part-bursty-why = They run for seconds and sit idle in between: pay-per-use bills only the work, and queue, upload and schedule triggers come built in.
part-connections = Real-time connections (websockets, streams, in-memory state)
part-connections-why = A function cannot keep a connection open; a small process that stays up can, and it can hand the work to the functions.
part-minute-jobs = Jobs that run for minutes
part-minute-jobs-why = They fit under the 15-minute limit, but a function bills every second of them and stops hard at the limit; a container job has neither problem.

## How each monthly figure is computed

formula-parts = { $parts }
formula-functions = { $requests } × ${ $per_million }/1M + { $requests } × duration (s) × memory ({ $memory }) × ${ $per_memory_second }/{ $memory_second }
formula-functions-vcpu = { $requests } × ${ $per_million }/1M + { $requests } × duration (s) × memory ({ $memory }) × ${ $per_memory_second }/{ $memory_second } + { $requests } × duration (s) × vCPU × ${ $per_vcpu_second }/vCPU-second
formula-functions-min-billed = each run billed for at least { $ms } ms
formula-functions-free = less { $free } free each month
formula-free-requests = { $count } { $requests }
formula-free-memory = { $count } { $memory_second }s
formula-free-vcpu = { $count } vCPU-seconds
formula-containers = vCPU = max({ $min_instances } × { $min_vcpu }, peak requests/s × duration (s) × CPU share { $cpu_share } ÷ utilisation { $utilisation }); memory = max(vCPU × { $gb_per_vcpu } GB, one handler); cost = (vCPU × ${ $per_vcpu_hour }/h + GB × ${ $per_gb_hour }/h) × { $hours } h
formula-containers-requests = vCPU = max({ $min_instances } × { $min_vcpu }, peak requests/s × duration (s) × CPU share { $cpu_share } ÷ utilisation { $utilisation }); memory = max(vCPU × { $gb_per_vcpu } GB, one handler); cost = (vCPU × ${ $per_vcpu_hour }/h + GB × ${ $per_gb_hour }/h) × { $hours } h + requests × ${ $per_million }/1M
formula-machines = the cheapest fleet of one size whose sustained vCPU covers the peak CPU ÷ utilisation { $utilisation }, at least { $min_instances ->
    [one] { $min_instances } instance
   *[other] { $min_instances } instances
}, × hourly price × { $hours } h
formula-machines-own = a server's month = its price ÷ { $months } months + its watts × { $hours } h × ${ $per_kwh }/kWh × PUE { $pue } + its operations hours × ${ $per_ops_hour }/h
billing-unit-requests = requests
billing-unit-executions = executions
billing-unit-GB-second = GB-second
billing-unit-GiB-second = GiB-second

## Your own servers, priced as stated assumptions (the price book names them by these ids)

product-own-servers = your own servers
product-own-servers-kubernetes = Kubernetes on your own servers
price-source-own-servers = Assumptions: list prices of current 1U rack servers, the average US commercial electricity price, and an hourly rate for operations work
