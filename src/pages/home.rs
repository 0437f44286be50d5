//! `/`: the idea in one screen and the way into the guide.

use leptos::prelude::*;

use crate::brand::Brand;
use crate::components::page_meta::PageMeta;

#[component]
pub fn HomePage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    view! {
        <PageMeta
            title="Microservices or serverless? Decide how to organise and how to run".into()
            description="Microservices decide how a system is organised; serverless decides how it runs. Answer a few questions and get a reasoned recommendation with a cost estimate for your own traffic.".into()
            path="/".into()
        />
        <div class="mx-auto max-w-3xl px-4 py-12 sm:py-20">
            <h1 class="text-4xl font-bold tracking-tight sm:text-5xl">
                "Microservices or serverless? They answer different questions."
            </h1>
            <p class="mt-6 text-lg leading-8 text-slate-700 dark:text-slate-300">
                "Microservices decide how a system is " <strong>"organised"</strong>
                ". Serverless decides how it " <strong>"runs"</strong>
                ". They combine, and starting simpler usually wins."
            </p>
            <p class="mt-4 text-slate-700 dark:text-slate-300">{brand.tagline}</p>
            <p class="mt-8">
                <a
                    href="/guide"
                    class="inline-block rounded-md bg-accent px-5 py-3 font-semibold text-white shadow hover:opacity-90"
                >
                    "Start the guide"
                </a>
            </p>
        </div>
    }
}
