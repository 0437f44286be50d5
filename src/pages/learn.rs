//! `/learn`: the explainer. Microservices decide how a system is organised, serverless decides
//! how it runs; they combine; and adopting either before real pain justifies it is the most
//! expensive mistake.

use leptos::prelude::*;

use crate::components::carry::link;

use crate::components::architecture_map::{ArchitectureMapView, GeneralMap};
use crate::components::page_meta::PageMeta;

/// A section of the explainer with its anchor and a way into the guide.
#[component]
fn Section(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <section id=id aria-labelledby=labelled_by class="scroll-mt-4 border-t border-slate-200 pt-8 dark:border-slate-800">
            <h2 id=heading class="text-2xl font-bold tracking-tight">{title}</h2>
            <div class="mt-4 space-y-4 leading-7">{children()}</div>
            <p class="mt-4 print:hidden">
                <a href=link("/guide") class="font-semibold text-accent underline dark:text-accent-on-dark">
                    "Find out what fits your system: start the guide →"
                </a>
            </p>
        </section>
    }
}

const SECTIONS: &[(&str, &str)] = &[
    ("microservices", "What microservices are"),
    ("serverless", "What serverless is"),
    ("organisation-vs-execution", "Two different questions"),
    ("differences", "The differences at a glance"),
    ("combinations", "How they combine"),
    ("over-engineering", "The over-engineering trap"),
    ("how-to-choose", "How to choose"),
];

#[component]
pub fn LearnPage() -> impl IntoView {
    let map = use_context::<GeneralMap>().unwrap_or_default().0;
    view! {
        <PageMeta
            title="Microservices and serverless, explained".into()
            description="Microservices decide how a system is organised; serverless decides how it runs. What each gives and costs, how they combine, and why starting simpler usually wins.".into()
            path="/learn".into()
        />
        <article class="mx-auto max-w-3xl space-y-10 px-4 py-10">
            <header>
                <h1 class="text-3xl font-bold tracking-tight sm:text-4xl">"Microservices and serverless, explained"</h1>
                <p class="mt-4 text-lg leading-8 text-slate-700 dark:text-slate-300">
                    "They are often compared as if you had to pick one. You do not: "
                    <strong>"microservices"</strong> " answer how to " <em>"organise"</em> " a system, "
                    <strong>"serverless"</strong> " answers how to " <em>"run"</em>
                    " it. This page explains both, how they fit together, and why the simplest option that works is usually the right start."
                </p>
                <nav aria-label="On this page" class="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800 print:hidden">
                    <h2 class="font-semibold">"On this page"</h2>
                    <ol class="mt-2 list-decimal space-y-1 pl-6">
                        {SECTIONS.iter().map(|(id, title)| view! { <li><a class="underline" href=format!("#{id}")>{*title}</a></li> }).collect_view()}
                    </ol>
                </nav>
            </header>

            <Section id="microservices" title="What microservices are">
                <p>
                    "A microservice architecture splits a system into small, independent services. Each has one
                    responsibility (orders, payments, search), owns its own data, and is built, deployed and
                    scaled on its own. Services talk to each other over the network, through APIs or events."
                </p>
                <h3 class="text-lg font-semibold">"What you gain"</h3>
                <ul class="list-disc space-y-1 pl-6">
                    <li><strong>"Team independence:"</strong> " a team can change, test and release its service without waiting for anyone."</li>
                    <li><strong>"Selective scaling:"</strong> " only the busy part gets more capacity."</li>
                    <li><strong>"Fault isolation:"</strong> " one failing service need not take the whole system down."</li>
                </ul>
                <h3 class="text-lg font-semibold">"What it costs"</h3>
                <ul class="list-disc space-y-1 pl-6">
                    <li><strong>"Communication between services:"</strong> " every call crosses a network that can be slow or fail, and data is spread over many stores."</li>
                    <li><strong>"Coordinated changes:"</strong> " a feature that touches three services needs three releases in the right order."</li>
                    <li><strong>"Heavier operations:"</strong> " each service needs its own pipeline, monitoring, logs and someone on call."</li>
                </ul>
            </Section>

            <Section id="serverless" title="What serverless is">
                <p>
                    "Serverless means a provider runs your code for you. With functions (AWS Lambda, Google Cloud
                    Functions, Azure Functions) you upload code; the provider starts it when a request or event
                    arrives, scales it automatically, scales it to zero when nothing happens, and bills you per
                    use. Serverless containers (Cloud Run, AWS Fargate, App Runner) do the same for whole
                    container images."
                </p>
                <h3 class="text-lg font-semibold">"What you gain"</h3>
                <ul class="list-disc space-y-1 pl-6">
                    <li><strong>"No servers to manage:"</strong> " no patching, no capacity planning, no machines to replace."</li>
                    <li><strong>"Automatic scaling:"</strong> " from zero to large bursts and back without anyone acting."</li>
                    <li><strong>"Pay-per-use:"</strong> " quiet periods cost nothing, which suits variable and unpredictable load."</li>
                </ul>
                <h3 class="text-lg font-semibold">"What it costs"</h3>
                <ul class="list-disc space-y-1 pl-6">
                    <li><strong>"Less control:"</strong> " time limits (15 minutes for AWS Lambda), memory limits, and cold starts of a second or two after idle periods."</li>
                    <li><strong>"Provider lock-in:"</strong> " code grows around one provider's triggers, permissions and services."</li>
                    <li><strong>"Expensive under steady load:"</strong> " paying per request beats paying for idle servers, until the servers would never be idle."</li>
                </ul>
            </Section>

            <Section id="organisation-vs-execution" title="Two different questions">
                <p>
                    "Microservices are an " <strong>"organisation"</strong> " choice: how many deployable parts the system
                    has, where their boundaries lie, and which team owns which. Serverless is an "
                    <strong>"execution"</strong> " choice: who runs the code and how you pay for it."
                </p>
                <p>
                    "Because they answer different questions, every combination exists. A single application can run
                    on functions; fifty microservices can run on plain virtual machines. Decide each question on its
                    own evidence: team structure and release needs for the first, load shape, limits and cost for the second."
                </p>
            </Section>

            <Section id="differences" title="The differences at a glance">
                <div class="overflow-x-auto">
                    <table class="w-full border-collapse text-left text-sm sm:text-base">
                        <caption class="sr-only">"Microservices and serverless compared"</caption>
                        <thead>
                            <tr class="border-b border-slate-300 dark:border-slate-700">
                                <th scope="col" class="py-2 pr-4"><span class="sr-only">"Aspect"</span></th>
                                <th scope="col" class="py-2 pr-4">"Microservices"</th>
                                <th scope="col" class="py-2">"Serverless"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {[
                                ("Nature", "An architecture: how the system is split into services", "An execution model: how code is run and billed"),
                                ("Control", "Full control over runtime, hosting and scaling", "The provider decides runtime limits, scaling and start-up"),
                                ("Operations", "You run every service: deployments, monitoring, on-call", "The provider runs the servers; you still monitor your code"),
                                ("Cost", "You pay for the capacity you provision, used or not", "You pay per request and duration; idle time is free"),
                                ("Complexity", "Distributed system: network calls, data spread over services", "Simple to start; limits and provider services add their own"),
                                ("Combinable", "Yes: services can run on functions, containers or machines", "Yes: functions can host one app or many services"),
                            ].into_iter().map(|(aspect, micro, serverless)| view! {
                                <tr class="border-b border-slate-200 align-top dark:border-slate-800">
                                    <th scope="row" class="py-2 pr-4 font-semibold">{aspect}</th>
                                    <td class="py-2 pr-4">{micro}</td>
                                    <td class="py-2">{serverless}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Section>

            <Section id="combinations" title="How they combine">
                <p>"Put the two questions together and every system lands in one of sixteen cells."</p>
                <ArchitectureMapView map table_open=true>
                    <p>
                        <strong>"Across: how it is organised."</strong> " From one deployable (a monolith), through enforced
                        modules inside it and a few coarse services, to many microservices. Each step right adds deployables,
                        network calls and team independence."
                    </p>
                    <p>
                        <strong>"Down: how it runs."</strong> " From functions the provider starts for each request, through
                        managed containers and Kubernetes, to virtual machines you patch yourself. Each step down adds control
                        and operations work."
                    </p>
                </ArchitectureMapView>
                <ul class="list-disc space-y-2 pl-6">
                    <li><strong>"Microservices on serverless:"</strong> " each service is a set of functions or a serverless container. Great for event-driven systems with uneven load; watch the number of moving parts and the provider lock-in."</li>
                    <li><strong>"Microservices in containers:"</strong> " each service is a container on managed containers or Kubernetes. The common choice for many teams with steady traffic and a platform team to run it."</li>
                    <li><strong>"A simple application on serverless:"</strong> " one well-organised code base deployed as functions or one serverless container. Often the best start: little to operate, nothing to pay while idle, and nothing to untangle later."</li>
                </ul>
            </Section>

            <Section id="over-engineering" title="The over-engineering trap">
                <p>
                    "The most expensive mistake is adopting either before real pain justifies it. Splitting a young
                    product into services draws boundaries before anyone knows where they belong; moving them later
                    means changing APIs, data and deployments at once. Teams that split too early often end up with a "
                    <em>"distributed monolith"</em>
                    ": every change still needs several services to move together, now across a network."
                </p>
                <p>
                    "Serverless has its own trap: building everything around one provider's functions for a workload
                    that turns out to be steady and busy, where always-on capacity would cost a fraction."
                </p>
                <p class="font-semibold">
                    "Start simple, measure, and split or switch when real pain justifies it: releases queue behind
                    each other, one part needs far more capacity than the rest, or the bill says so."
                </p>
            </Section>

            <Section id="how-to-choose" title="How to choose">
                <ul class="list-disc space-y-2 pl-6">
                    <li><strong>"Small team or new product:"</strong> " one simple, well-organised application (a monolith or a modular monolith) on serverless functions or managed containers."</li>
                    <li><strong>"Many teams, very different scaling needs, or parts that must release separately:"</strong> " split along stable boundaries into services, one at a time, when you have the operations practice to run them."</li>
                    <li><strong>"Variable or event-driven load:"</strong> " serverless, with containers for the steady, busy parts."</li>
                    <li><strong>"Steady, high, predictable load:"</strong> " provisioned capacity (containers or machines) is usually cheaper; the guide computes the break-even for your traffic."</li>
                </ul>
                <p>
                    "The guide asks about your team, traffic, workload and operations, and answers both questions
                    separately, with the reasons, the warnings and a monthly cost comparison for your own traffic."
                </p>
            </Section>
        </article>
    }
}
