# The guide's questions: each question's text (q-ID), help, topic (a few words that name it in
# sentences quoting the answers), option labels (q-ID-VALUE) and what each option means, the
# unit of a numeric answer, an amount with its unit, and the labels of ready-made values
# (q-ID-preset-N, in the order src/domain/questions/table.rs lists them). Yes/no questions label
# `true` and `false`. The ids and values themselves never change: the API and stored results
# use them.

## The steps

step-1 = Your product
step-2 = Your people
step-3 = Your traffic
step-4 = Your workload
step-5 = Your system
step-6 = Your operations


## stage

q-stage = Where is the product today?
q-stage-help = The earlier the stage, the more the product will still change shape.
q-stage-topic = stage
q-stage-idea = An idea
q-stage-idea-help = Nothing in production yet.
q-stage-mvp = A first version
q-stage-mvp-help = Early users; still finding what works.
q-stage-growth = Growing
q-stage-growth-help = It works; users and the team are growing.
q-stage-scale = At scale
q-stage-scale-help = Many users, many engineers, real load.

## starting_point

q-starting_point = Are you starting fresh or evolving a running system?
q-starting_point-help = What exists already changes what is cheap to do next.
q-starting_point-topic = starting point
q-starting_point-greenfield = Starting fresh
q-starting_point-greenfield-help = No code to carry along.
q-starting_point-monolith = One application
q-starting_point-monolith-help = A single code base and deployable runs today.
q-starting_point-distributed = Several services
q-starting_point-distributed-help = Separate services already run and talk to each other.

## engineers

q-engineers = How many engineers work on it?
q-engineers-help = Everyone who writes or ships its code, across all teams.
q-engineers-topic = engineers
q-engineers-unit = engineers
q-engineers-amount = { $value }
q-engineers-preset-1 = 1–5
q-engineers-preset-2 = 6–15
q-engineers-preset-3 = 16–50
q-engineers-preset-4 = 51–200
q-engineers-preset-5 = more than 200

## teams

q-teams = How many teams ship parts of it?
q-teams-help = A team here is a group that plans and releases its own work.
q-teams-topic = teams
q-teams-unit = teams
q-teams-amount = { $value }
q-teams-preset-1 = one team
q-teams-preset-2 = 2
q-teams-preset-3 = 3–5
q-teams-preset-4 = 6–10
q-teams-preset-5 = more than 10

## load_shape

q-load_shape = What does the traffic look like over a day or a week?
q-load_shape-help = The shape of the load decides whether paying per use or paying for capacity is cheaper.
q-load_shape-topic = traffic
q-load_shape-spiky = Spiky
q-load_shape-spiky-help = Idle most of the time, then sudden bursts.
q-load_shape-variable = Variable
q-load_shape-variable-help = Clear daily or weekly peaks and quiet nights.
q-load_shape-steady = Steady
q-load_shape-steady-help = Constant and predictable, around the clock.
q-load_shape-event = Event-driven
q-load_shape-event-help = Work arrives from queues, uploads or schedules.

## monthly_requests

q-monthly_requests = How many requests or events does it handle in a month?
q-monthly_requests-help = A rough figure is enough: 1 request per second is about 2.6 million a month.
q-monthly_requests-topic = requests a month
q-monthly_requests-unit = requests a month
q-monthly_requests-amount = { $value }
q-monthly_requests-preset-1 = about 100 thousand
q-monthly_requests-preset-2 = about 1 million
q-monthly_requests-preset-3 = about 10 million
q-monthly_requests-preset-4 = about 100 million
q-monthly_requests-preset-5 = about 1 billion
q-monthly_requests-preset-6 = 10 billion or more

## peak_to_average

q-peak_to_average = How much higher is the busiest hour than the average?
q-peak_to_average-help = Capacity you run all the time must cover the peak; pay-per-use does not care.
q-peak_to_average-topic = busiest hour over the average
q-peak_to_average-unit = × the average
q-peak_to_average-amount = { $value } × the average
q-peak_to_average-preset-1 = barely (about 1.5×)
q-peak_to_average-preset-2 = a few times (about 3×)
q-peak_to_average-preset-3 = ten times
q-peak_to_average-preset-4 = fifty times or more

## avg_duration_ms

q-avg_duration_ms = How long does handling one request or event take?
q-avg_duration_ms-help = From start to finish, including waiting for databases and other services.
q-avg_duration_ms-topic = time per request
q-avg_duration_ms-unit = milliseconds
q-avg_duration_ms-amount = { $value } milliseconds
q-avg_duration_ms-preset-1 = a blink (about 50 ms)
q-avg_duration_ms-preset-2 = a typical web request (about 200 ms)
q-avg_duration_ms-preset-3 = about a second
q-avg_duration_ms-preset-4 = about ten seconds
q-avg_duration_ms-preset-5 = a couple of minutes

## memory_mb

q-memory_mb = How much memory does one handler need?
q-memory_mb-help = Functions are billed by memory × time; 512 MB suits most web handlers.
q-memory_mb-topic = memory per handler
q-memory_mb-unit = MB
q-memory_mb-amount = { $value } MB
q-memory_mb-preset-1 = 256 MB
q-memory_mb-preset-2 = 512 MB
q-memory_mb-preset-3 = 1 GB
q-memory_mb-preset-4 = 2 GB
q-memory_mb-preset-5 = 8 GB

## longest_task

q-longest_task = What is the longest single piece of work it does?
q-longest_task-help = Functions stop after 15 minutes (AWS Lambda's limit is 900 seconds).
q-longest_task-topic = longest task
q-longest_task-seconds = Seconds
q-longest_task-seconds-help = Requests and small jobs.
q-longest_task-minutes = Minutes
q-longest_task-minutes-help = Reports or imports that finish within 15 minutes.
q-longest_task-hours = Longer than 15 minutes
q-longest_task-hours-help = Batch runs, video, training, long exports.

## persistent_connections

q-persistent_connections = Does it keep connections or state open between requests?
q-persistent_connections-help = Websockets, streaming, long polling, or data held in memory across requests.
q-persistent_connections-topic = open connections or state
q-persistent_connections-true = Yes, long-lived connections or in-memory state
q-persistent_connections-false = No, each request stands alone

## latency

q-latency = Could users live with an occasional 1–2 second delay on a cold start?
q-latency-help = Functions that have been idle take a moment to start again.
q-latency-topic = cold starts tolerated
q-latency-relaxed = Yes, easily
q-latency-relaxed-help = Background work, internal tools.
q-latency-moderate = Now and then
q-latency-moderate-help = Most web apps and APIs.
q-latency-strict = No
q-latency-strict-help = Every response must be fast: payments, trading, real-time.

## scaling_divergence

q-scaling_divergence = Do parts of the system need to scale very differently?
q-scaling_divergence-help = For example a search or media part that needs ten times the capacity of the rest.
q-scaling_divergence-topic = parts that scale differently
q-scaling_divergence-none = No
q-scaling_divergence-none-help = Load grows evenly.
q-scaling_divergence-some = One or two parts
q-scaling_divergence-some-help = A hot spot or two.
q-scaling_divergence-many = Many parts
q-scaling_divergence-many-help = Several areas with very different needs.

## independent_releases

q-independent_releases = Must parts of it ship on their own schedules?
q-independent_releases-help = Because different teams own them, or rules demand it.
q-independent_releases-topic = parts that ship on their own
q-independent_releases-no = No
q-independent_releases-no-help = One release for everything is fine.
q-independent_releases-some = Some parts
q-independent_releases-some-help = One or two parts move at their own pace.
q-independent_releases-yes = Yes
q-independent_releases-yes-help = Teams must release without waiting for each other.

## domain_clarity

q-domain_clarity = Do you know where the boundaries between the parts lie?
q-domain_clarity-help = Boundaries drawn too early are expensive to move once they are network calls.
q-domain_clarity-topic = boundaries known
q-domain_clarity-unclear = Not yet
q-domain_clarity-unclear-help = We are still learning the business.
q-domain_clarity-emerging = Taking shape
q-domain_clarity-emerging-help = Some areas are clear, others move.
q-domain_clarity-stable = Yes, stable
q-domain_clarity-stable-help = They have held for a year or more.

## ops_maturity

q-ops_maturity = Who runs it in production?
q-ops_maturity-help = Every deployable you add needs builds, monitoring and someone on call.
q-ops_maturity-topic = who runs production
q-ops_maturity-none = The developers, by hand
q-ops_maturity-none-help = No pipeline or monitoring to speak of.
q-ops_maturity-basic = Automated
q-ops_maturity-basic-help = CI/CD pipelines and monitoring are in place.
q-ops_maturity-platform = A platform team
q-ops_maturity-platform-help = People who run Kubernetes and shared tooling.

## portability

q-portability = Must it move between clouds or run on your own servers?
q-portability-help = Managed functions and containers tie you to one provider's services.
q-portability-topic = must move or run on-premises
q-portability-none = No
q-portability-none-help = One cloud provider is fine.
q-portability-preferred = We would like to keep the option
q-portability-preferred-help = Avoid lock-in where it is cheap to.
q-portability-required = Yes, it must
q-portability-required-help = On-premises or several clouds is a requirement.

## cost_priority

q-cost_priority = What matters most on the bill?
q-cost_priority-help = Each way of running software is cheapest on a different kind of bill.
q-cost_priority-topic = what matters on the bill
q-cost_priority-lowest_when_idle = Paying nothing when idle
q-cost_priority-lowest_when_idle-help = Quiet periods should cost nothing.
q-cost_priority-predictable = A predictable bill
q-cost_priority-predictable-help = The same amount every month.
q-cost_priority-performance_first = Performance first
q-cost_priority-performance_first-help = Speed matters more than the bill.

## cloud

q-cloud = Whose prices should the cost comparison use?
q-cloud-help = The advice is the same on every major cloud; the products and prices differ.
q-cloud-topic = cloud
q-cloud-aws = AWS
q-cloud-aws-help = Lambda, Fargate, EKS and EC2.
q-cloud-azure = Microsoft Azure
q-cloud-azure-help = Functions, Container Apps, AKS and Virtual Machines.
q-cloud-gcp = Google Cloud
q-cloud-gcp-help = Cloud Run functions, Cloud Run, GKE and Compute Engine.

## Problems with answers, as in "This answer must be a number". The API sends them alone.

answer-problem = This answer { $problem }.
answer-unknown-question = is not a question of this guide
answer-null = cannot be null: leave the question out to take its default
answer-teams-over-engineers = cannot be more than the number of engineers ({ $engineers })
answer-one-of = must be one of: { $allowed }
answer-text-one-of = must be a text, one of: { $allowed } (got { $got })
answer-yes-no = must be yes or no
answer-boolean = must be true or false (got { $got })
answer-number = must be a number
answer-number-got = must be a number (got { $got })
answer-range-integer = must be a whole number from { $min } to { $max }
answer-range-number = must be a number from { $min } to { $max }
kind-text = a text
kind-number = a number
kind-boolean = true or false
kind-nothing = nothing
kind-null = null
kind-huge_number = a number out of range
kind-list = a list
kind-object = an object
# A yes/no answer quoted in a sentence.
answer-yes = yes
answer-no = no

## The guide's pages

guide-title = The decision guide
guide-description = Answer questions about your team, your load and your operations, and get a recommendation for how to organise and how to run your software, with a cost estimate for your traffic.
guide-optional = Every question is optional: skip what you do not know and we assume a typical value.
guide-progress = Step { $position } of { $total }
guide-progress-title = { $progress }: { $title }
guide-back = Back
guide-next = Next
guide-finish = See my recommendation
guide-save-failed = The result could not be saved. Please try again in a moment.
guide-start-over = Start over
guide-exact = Exactly
# The exact-number box's name for screen readers.
guide-exact-label = { $question } (exact number, { $unit })
guide-assumed = Skip it and we assume { $default }.
guide-quoted = “{ $text }”
guide-default-number = { $value } { $unit }
guide-default-depends = a typical value for the traffic shape you chose
