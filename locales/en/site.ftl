# The frame of every page, the home page, the explainer, the privacy notice and the "not
# found" page. Texts used as HTML (see `Tr::html`) may hold <strong>, <em>, <code> and links to
# the site's own pages; nothing else.

## The language itself

language-name = English
# How numbers are written: 1,234.5 (CLDR's symbols for the language).
number-decimal = .
number-group = ,
number-min-grouping = 1

## Amounts and lists

money-usd = ${ $amount }
list-comma = { $first }, { $second }
list-parts = { $first }; { $second }
list-and = { $first } and { $second }

## Dates (in UTC)

date = { $day } { $month } { $year }
date-month = { $month } { $year }
date-time = { $date }, { $time } UTC
date-weekday = { $weekday } { $date }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Periods of time

period-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
period-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
period-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
period-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}

## Header, footer, theme switch

skip-to-content = Skip to content
nav-main = Main
nav-learn = Learn
nav-guide = Guide
nav-contact = Talk to us
nav-language = Language
# Shown on the link to this language from a page in another one.
switch-to-language = Read this page in English
theme-switch-title = Switch between light and dark
theme-dark = Dark theme
footer-nav = Footer
footer-promise = { $brand } · we reply within { $within } · the code stays yours
footer-privacy = Privacy
footer-contact = Contact
brand-tagline = Microservices or a monolith, serverless or servers: decide with evidence, not fashion.

## Home page

home-title = Microservices or serverless? Decide how to organise and how to run
home-description = Microservices decide how a system is organised; serverless decides how it runs. Answer a few questions and get a reasoned recommendation with a cost estimate for your own traffic.
home-heading = Microservices or serverless? They answer different questions.
home-lead = Microservices decide how a system is <strong>organised</strong>. Serverless decides how it <strong>runs</strong>. They combine, and starting simpler usually wins.
home-start = Start the guide
home-read = Read the explainer
home-start-note = Six short steps, no sign-up: both choices with the reasons, and a monthly cost estimate for your traffic.
home-organise-heading = How to organise it
home-organise-text = One application, clear modules, a few services or many microservices: a question of teams, release schedules and how well you know your domain.
home-organise-link = Microservices, explained
home-run-heading = How to run it
home-run-text = Functions, managed containers, Kubernetes or your own machines: a question of load shape, limits, operations and the monthly bill.
home-run-link = Serverless, explained
home-combine-heading = Combining them
home-combine-text = Every combination exists. The expensive mistake is adopting either before real pain justifies it: start simple, measure, then split or switch.
home-combine-link = How they combine
home-map-heading = Every system sits somewhere on this map
home-map-text = Pick a column for how you organise the code and the teams, and a row for how you run it. Most young products belong in the top-left corner; the far right pays off only with many teams.
home-map-link = Find your cell with the guide →
home-talk-heading = Talk to { $brand }
home-talk-reply = <strong>A reply within { $within }</strong> from a senior engineer, not a sales script.
home-talk-code = <strong>The code stays yours.</strong> Everything we build is in your repositories from day one.
home-talk-lockin = <strong>No vendor lock-in.</strong> We recommend what fits your system, not what we resell.
home-talk-button = Talk to us

## The explainer (/learn)

learn-title = Microservices and serverless, explained
learn-description = Microservices decide how a system is organised; serverless decides how it runs. What each gives and costs, how they combine, and why starting simpler usually wins.
learn-lead = They are often compared as if you had to pick one. You do not: <strong>microservices</strong> answer how to <em>organise</em> a system, <strong>serverless</strong> answers how to <em>run</em> it. This page explains both, how they fit together, and why the simplest option that works is usually the right start.
learn-on-this-page = On this page
learn-to-guide = Find out what fits your system: start the guide →
learn-gain = What you gain
learn-cost = What it costs
learn-microservices = What microservices are
learn-microservices-text = A microservice architecture splits a system into small, independent services. Each has one responsibility (orders, payments, search), owns its own data, and is built, deployed and scaled on its own. Services talk to each other over the network, through APIs or events.
learn-microservices-gain-1 = <strong>Team independence:</strong> a team can change, test and release its service without waiting for anyone.
learn-microservices-gain-2 = <strong>Selective scaling:</strong> only the busy part gets more capacity.
learn-microservices-gain-3 = <strong>Fault isolation:</strong> one failing service need not take the whole system down.
learn-microservices-cost-1 = <strong>Communication between services:</strong> every call crosses a network that can be slow or fail, and data is spread over many stores.
learn-microservices-cost-2 = <strong>Coordinated changes:</strong> a feature that touches three services needs three releases in the right order.
learn-microservices-cost-3 = <strong>Heavier operations:</strong> each service needs its own pipeline, monitoring, logs and someone on call.
learn-serverless = What serverless is
learn-serverless-text = Serverless means a provider runs your code for you. With functions (AWS Lambda, Google Cloud Functions, Azure Functions) you upload code; the provider starts it when a request or event arrives, scales it automatically, scales it to zero when nothing happens, and bills you per use. Serverless containers (Cloud Run, AWS Fargate, App Runner) do the same for whole container images.
learn-serverless-gain-1 = <strong>No servers to manage:</strong> no patching, no capacity planning, no machines to replace.
learn-serverless-gain-2 = <strong>Automatic scaling:</strong> from zero to large bursts and back without anyone acting.
learn-serverless-gain-3 = <strong>Pay-per-use:</strong> quiet periods cost nothing, which suits variable and unpredictable load.
learn-serverless-cost-1 = <strong>Less control:</strong> time limits (15 minutes for AWS Lambda), memory limits, and cold starts of a second or two after idle periods.
learn-serverless-cost-2 = <strong>Provider lock-in:</strong> code grows around one provider's triggers, permissions and services.
learn-serverless-cost-3 = <strong>Expensive under steady load:</strong> paying per request beats paying for idle servers, until the servers would never be idle.
learn-questions = Two different questions
learn-questions-text-1 = Microservices are an <strong>organisation</strong> choice: how many deployable parts the system has, where their boundaries lie, and which team owns which. Serverless is an <strong>execution</strong> choice: who runs the code and how you pay for it.
learn-questions-text-2 = Because they answer different questions, every combination exists. A single application can run on functions; fifty microservices can run on plain virtual machines. Decide each question on its own evidence: team structure and release needs for the first, load shape, limits and cost for the second.
learn-differences = The differences at a glance
learn-table-caption = Microservices and serverless compared
learn-table-aspect = Aspect
learn-table-microservices = Microservices
learn-table-serverless = Serverless
learn-row-nature = Nature
learn-row-nature-microservices = An architecture: how the system is split into services
learn-row-nature-serverless = An execution model: how code is run and billed
learn-row-control = Control
learn-row-control-microservices = Full control over runtime, hosting and scaling
learn-row-control-serverless = The provider decides runtime limits, scaling and start-up
learn-row-operations = Operations
learn-row-operations-microservices = You run every service: deployments, monitoring, on-call
learn-row-operations-serverless = The provider runs the servers; you still monitor your code
learn-row-cost = Cost
learn-row-cost-microservices = You pay for the capacity you provision, used or not
learn-row-cost-serverless = You pay per request and duration; idle time is free
learn-row-complexity = Complexity
learn-row-complexity-microservices = Distributed system: network calls, data spread over services
learn-row-complexity-serverless = Simple to start; limits and provider services add their own
learn-row-combinable = Combinable
learn-row-combinable-microservices = Yes: services can run on functions, containers or machines
learn-row-combinable-serverless = Yes: functions can host one app or many services
learn-combinations = How they combine
learn-combinations-text = Put the two questions together and every system lands in one of sixteen cells.
learn-map-across = <strong>Across: how it is organised.</strong> From one deployable (a monolith), through enforced modules inside it and a few coarse services, to many microservices. Each step right adds deployables, network calls and team independence.
learn-map-down = <strong>Down: how it runs.</strong> From functions the provider starts for each request, through managed containers and Kubernetes, to virtual machines you patch yourself. Each step down adds control and operations work.
learn-combination-1 = <strong>Microservices on serverless:</strong> each service is a set of functions or a serverless container. Great for event-driven systems with uneven load; watch the number of moving parts and the provider lock-in.
learn-combination-2 = <strong>Microservices in containers:</strong> each service is a container on managed containers or Kubernetes. The common choice for many teams with steady traffic and a platform team to run it.
learn-combination-3 = <strong>A simple application on serverless:</strong> one well-organised code base deployed as functions or one serverless container. Often the best start: little to operate, nothing to pay while idle, and nothing to untangle later.
learn-trap = The over-engineering trap
learn-trap-text-1 = The most expensive mistake is adopting either before real pain justifies it. Splitting a young product into services draws boundaries before anyone knows where they belong; moving them later means changing APIs, data and deployments at once. Teams that split too early often end up with a <em>distributed monolith</em>: every change still needs several services to move together, now across a network.
learn-trap-text-2 = Serverless has its own trap: building everything around one provider's functions for a workload that turns out to be steady and busy, where always-on capacity would cost a fraction.
learn-trap-text-3 = Start simple, measure, and split or switch when real pain justifies it: releases queue behind each other, one part needs far more capacity than the rest, or the bill says so.
learn-choose = How to choose
learn-choose-1 = <strong>Small team or new product:</strong> one simple, well-organised application (a monolith or a modular monolith) on serverless functions or managed containers.
learn-choose-2 = <strong>Many teams, very different scaling needs, or parts that must release separately:</strong> split along stable boundaries into services, one at a time, when you have the operations practice to run them.
learn-choose-3 = <strong>Variable or event-driven load:</strong> serverless, with containers for the steady, busy parts.
learn-choose-4 = <strong>Steady, high, predictable load:</strong> provisioned capacity (containers or machines) is usually cheaper; the guide computes the break-even for your traffic.
learn-choose-text = The guide asks about your team, traffic, workload and operations, and answers both questions separately, with the reasons, the warnings and a monthly cost comparison for your own traffic.
learn-cases = Rather see evidence than principles? Read the <a class="underline" href="/learn/cases">published cases</a>: what real companies did, in their own words, and what the guide says for each.

## Privacy notice

privacy-title = Privacy
privacy-description = What this site stores, why, for how long, who sees it, and how to ask for deletion. No tracking cookies.
privacy-intro = This site is run by { $brand }. This page says what it stores about you and why. Version { $version }.
privacy-tracking = No tracking
privacy-tracking-text = There are no tracking cookies, no advertising and no third-party analytics. The guide counts how many times each step is shown and how many people finish it, per day, without cookies and without anything that identifies you. If you switch the colour theme, your browser remembers the choice locally; it is never sent to us.
privacy-answers = Your guide answers
privacy-answers-text = When you finish the guide, your answers and the recommendation are stored so that the result has a permanent link you can share. The answers are about your system (team size, traffic, operations), not about you, and are not linked to your name unless you attach the result to a message to us. Anyone with the link can open the result; results are kept for as long as the site runs.
privacy-contact = When you contact us
privacy-contact-text = If you send the contact form, we store your name, work email, optional company, role and preferred way of contact, your message, the language you wrote in, the result you attached, the page you came from, the campaign tags of the link you arrived by and the website that linked to us (its name only, never what you searched for), the time, and the version of this text you agreed to. We use them only to answer you and to talk about your project. Only our sales and engineering staff see them.
privacy-retention = We keep them for { $leads } after our last exchange about them (your message, our reply, a note or a change of status), then erase them automatically. Messages our filter holds as suspected spam are erased after { $spam }. After an erasure we keep only the fact that it happened.
privacy-staff = Staff accounts
privacy-staff-text = Staff who log in to answer messages have accounts with their work email; login attempts are logged for security and deleted after { $attempts }.
privacy-rights = Deletion and your rights
privacy-rights-text = You can ask us at any time what we store about you, to correct it, or to delete it: reply to any message from us or use the <a class="underline" href="/contact">contact form</a> and say so. We erase your personal data and keep only the fact that an erasure happened.

## Page not found

not-found-title = Page not found
not-found-heading = This page does not exist
not-found-text = The link may be old or mistyped. These pages are here for you:
not-found-home = the home page
not-found-learn = microservices and serverless, explained
not-found-guide = the decision guide
not-found-contact = talk to us
