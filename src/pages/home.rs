//! `/`: the idea in one screen, the way into the guide, and the promise behind "talk to us".

use leptos::prelude::*;

use crate::components::carry::link;

use crate::brand::Brand;
use crate::components::architecture_map::{ArchitectureMapView, GeneralMap};
use crate::components::page_meta::PageMeta;

#[component]
pub fn HomePage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let map = use_context::<GeneralMap>().unwrap_or_default().0;
    let block = "rounded-lg border border-slate-200 p-5 dark:border-slate-800";
    view! {
        <PageMeta
            title="Microservices or serverless? Decide how to organise and how to run".into()
            description="Microservices decide how a system is organised; serverless decides how it runs. Answer a few questions and get a reasoned recommendation with a cost estimate for your own traffic.".into()
            path="/".into()
        />
        <div class="mx-auto max-w-5xl px-4 py-12 sm:py-16">
            <div class="max-w-3xl">
                <h1 class="text-4xl font-bold tracking-tight sm:text-5xl">
                    "Microservices or serverless? They answer different questions."
                </h1>
                <p class="mt-6 text-lg leading-8 text-slate-700 dark:text-slate-300">
                    "Microservices decide how a system is " <strong>"organised"</strong>
                    ". Serverless decides how it " <strong>"runs"</strong>
                    ". They combine, and starting simpler usually wins."
                </p>
                <p class="mt-4 text-slate-700 dark:text-slate-300">{brand.tagline.clone()}</p>
                <div class="mt-8 flex flex-wrap items-center gap-4">
                    <a href=link("/guide") class="inline-block rounded-md bg-accent px-5 py-3 font-semibold text-white shadow hover:opacity-90">
                        "Start the guide"
                    </a>
                    <a href=link("/learn") class="font-semibold underline">"Read the explainer"</a>
                </div>
                <p class="mt-3 text-sm text-slate-600 dark:text-slate-400">
                    "Six short steps, no sign-up: both choices with the reasons, and a monthly cost estimate for your traffic."
                </p>
            </div>

            <div class="mt-14 grid gap-6 md:grid-cols-3">
                <section class=block aria-labelledby="organise-heading">
                    <h2 id="organise-heading" class="text-xl font-semibold">"How to organise it"</h2>
                    <p class="mt-2">
                        "One application, clear modules, a few services or many microservices: a question of
                        teams, release schedules and how well you know your domain."
                    </p>
                    <a class="mt-3 inline-block underline" href=link("/learn#microservices")>"Microservices, explained"</a>
                </section>
                <section class=block aria-labelledby="run-heading">
                    <h2 id="run-heading" class="text-xl font-semibold">"How to run it"</h2>
                    <p class="mt-2">
                        "Functions, managed containers, Kubernetes or your own machines: a question of load
                        shape, limits, operations and the monthly bill."
                    </p>
                    <a class="mt-3 inline-block underline" href=link("/learn#serverless")>"Serverless, explained"</a>
                </section>
                <section class=block aria-labelledby="combine-heading">
                    <h2 id="combine-heading" class="text-xl font-semibold">"Combining them"</h2>
                    <p class="mt-2">
                        "Every combination exists. The expensive mistake is adopting either before real pain
                        justifies it: start simple, measure, then split or switch."
                    </p>
                    <a class="mt-3 inline-block underline" href=link("/learn#combinations")>"How they combine"</a>
                </section>
            </div>

            <section class="mt-14" aria-labelledby="map-heading">
                <h2 id="map-heading" class="text-2xl font-semibold">"Every system sits somewhere on this map"</h2>
                <p class="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
                    "Pick a column for how you organise the code and the teams, and a row for how you run it. Most
                    young products belong in the top-left corner; the far right pays off only with many teams."
                </p>
                <ArchitectureMapView map/>
                <p class="mt-4"><a href=link("/guide") class="font-semibold text-accent underline dark:text-accent-on-dark">"Find your cell with the guide →"</a></p>
            </section>

            <section class="mt-14 rounded-lg bg-slate-100 p-6 dark:bg-slate-900" aria-labelledby="promise-heading">
                <h2 id="promise-heading" class="text-2xl font-semibold">{format!("Talk to {}", brand.name)}</h2>
                <ul class="mt-4 grid gap-3 sm:grid-cols-3">
                    <li><strong>{format!("A reply within {}", brand.reply_within.words())}</strong>" from a senior engineer, not a sales script."</li>
                    <li><strong>"The code stays yours."</strong>" Everything we build is in your repositories from day one."</li>
                    <li><strong>"No vendor lock-in."</strong>" We recommend what fits your system, not what we resell."</li>
                </ul>
                <a href=link("/contact") class="mt-6 inline-block rounded-md border border-slate-500 px-5 py-2 font-semibold">"Talk to us"</a>
            </section>
        </div>
    }
}
