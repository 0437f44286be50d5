# The result page: the recommendation, the map of the idea, the cost comparison and its chart.

## The result

result-loading = Loading the result…
result-failed = The result could not be loaded
result-failed-retry = Please try again in a moment.
result-title = Recommendation: { $summary }
result-description = The decision guide recommends { $summary }, with reasons, warnings and a monthly cost comparison.
result-stamp = Your result · { $created } · model { $model }
result-heading = Build { $summary }
result-confidence = Confidence: { $level }
result-moved-on = This result was computed with version { $then } of the guide's model; the guide now uses version { $now }. It is shown as it was computed. Edit the answers to see what the current model says.
result-talk = Talk to us about this
result-edit = Edit answers
result-permanent = Permanent link:
result-organise = How to organise it: { $option }
result-run = How to run it: { $option }
result-recommended = (recommended)
result-why = Why
result-for = for { $option }
result-against = against { $option }
result-watch-out = Watch out
result-parts = Parts that should run differently
result-part = { $part } → { $option }:
result-next-steps = Next steps
result-revisit = Revisit this when
result-map = Where your system sits
result-flip = What would change it
result-flip-text = If your answer to “{ $question }” were “{ $to }”, the guide would recommend { $option } instead.
result-what-if = What would change the advice
result-what-if-intro = Each line changes one answer and keeps the rest; the guide ran again for each.
result-what-if-caption = Answers that would change the advice
result-what-if-yours = Your answer
result-what-if-instead = If instead
result-what-if-advice = The guide would recommend
result-on = on
result-what-if-bold = In bold: what would differ from your recommendation.

## Copy and print

share-copy = Copy link
share-copied = Link copied.
share-blocked = Copying is blocked here: copy the link shown below.
share-print = Print

## The cost comparison

cost-heading = What it would cost to run, per month
cost-prices = Compute only, { $provider }'s on-demand prices in { $region } ({ $currency }), as of { $as_of }. An estimate for comparing options, not a quote.
cost-prices-on-premises = Compute only: { $provider }'s on-demand prices in { $region } ({ $currency }) for the managed options, shown for reference; your own servers for the rest. As of { $as_of }. An estimate for comparing options, not a quote.
cost-caption = Monthly cost by way of running it
cost-way = Way of running it
cost-per-month = Per month
cost-row-functions = Functions ({ $product })
cost-row-containers = Managed containers ({ $product })
cost-row-machines = Virtual machines ({ $product })
cost-break-even = Above about { $requests } requests a month, managed containers cost less than functions for this workload.
cost-no-break-even = For this workload, functions and managed containers do not swap places between 1 and 10¹² requests a month.
cost-assumptions = Assumptions
cost-assumption-workload = { $requests } requests a month, { $duration } ms each, { $memory } MB of memory, peak { $peak }× the average.
cost-assumption-sizing = Containers and VMs serve many requests at once, so they are sized by the CPU a request really uses: { $cpu_share }% of its duration (web requests mostly wait on databases and other services), at { $utilisation }% utilisation at the peak, at least { $instances } instance(s) all month.
cost-free-tier-included = The functions' monthly free tier (in the formula above) is subtracted.
cost-free-tier-not-included = The functions' monthly free tier is not subtracted (it is shared by everything in an account).
cost-free-tier-include = Include the functions' free tier
cost-free-tier-leave-out = Leave the free tier out
cost-kubernetes-managed = Kubernetes would cost about { $cost } a month: the VMs above plus a managed control plane.
cost-kubernetes-own = Kubernetes would cost about { $cost } a month: the VMs above plus control-plane servers and the hours it takes to run the cluster.
cost-kubernetes-existing = Kubernetes would cost about { $cost } a month: the VMs above (your platform team's cluster already exists).
cost-sources = Where the prices come from
cost-source-pricing = { $product } pricing
cost-source-read = , read { $as_of }.

## The cost chart

chart-title = Monthly cost by monthly requests
chart-description = Monthly cost against monthly requests, both on log scales. At your volume of { $volume } requests a month: { $summary }.
chart-description-break-even = Managed containers become cheaper than functions above about { $requests } requests a month.
chart-at-volume = { $option } about { $cost }
chart-break-even = break-even
chart-you = you
chart-requests-axis = requests a month
chart-thousands = { $count }k
chart-millions = { $count }M
chart-billions = { $count }B
chart-numbers = The numbers behind the chart
chart-numbers-caption = Monthly cost at each request volume
chart-requests-column = Requests a month

## The map of the idea

map-title = How you organise it × how you run it
map-organised = organised →
map-runs-on = runs on ↓
map-column-monolith = Monolith
map-column-modular_monolith =
    Modular
    monolith
map-column-service_based =
    A few
    services
map-column-microservices =
    Micro-
    services
map-row-functions = Functions
map-row-managed_containers =
    Managed
    containers
map-row-kubernetes = Kubernetes
map-row-virtual_machines =
    Virtual
    machines
map-axes = Sixteen ways to build a system: how it is organised (across: a monolith, a modular monolith, a few coarse services, microservices) and how it runs (down: functions, managed containers, Kubernetes, virtual machines).
map-description = { $axes } { $fits } usually fit, { $depends } depend on the situation and { $warns } come with a warning.
map-description-result = { $axes } Each is shaded by how well it fits your answers. Yours: { $yours }; the closest alternatives: { $neighbours }.
map-with-fit = { $phrase } (fit { $score })
map-cell-held = { $score } held
map-cell-no-fit = no fit
map-cell-name = { $shown }: { $phrase }, { $what }
map-fit = fit { $score } of 100
map-fit-recommended = fit { $score } of 100, your recommendation
map-fit-held-back = fit { $score } of 100, held back: its prerequisites are missing
map-fit-no-fit = fit { $score } of 100, one half does not fit your answers at all
map-legend-result = ★ marks your recommendation. Each number is how well the pair fits your answers (0–100, the mean of its two scores): the stronger the colour, the better the fit. A dashed border and “held”: the organisation fits your wishes but lacks what it needs to pay off (see “Watch out”); “no fit”: one half does not fit at all.
map-legend-axes = Across: how the system is organised. Down: how it runs. Select a cell for its explanation.
map-table = The map as a table
map-table-caption = Every way of organising and running a system, and what it is typically good for
map-table-combination = Combination
map-table-typically = Typically
map-table-typically-yours = Typically; for you
map-table-why = Why
map-typically-fit = { $verdict }; { $fit }
