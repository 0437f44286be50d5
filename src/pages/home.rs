//! `/`: the idea in one screen, the way into the guide, and the promise behind "talk to us".

use leptos::prelude::*;

use crate::brand::Brand;
use crate::components::architecture_map::{ArchitectureMapView, GeneralMap};
use crate::components::page_meta::PageMeta;
use crate::i18n::carry::link;
use crate::i18n::Tr;

#[component]
pub fn HomePage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let map = use_context::<GeneralMap>().unwrap_or_default().0;
    let tr = Tr::here();
    let within = tr.period(brand.reply_within);
    let tagline = brand.tagline.clone().unwrap_or_else(|| tr.t("brand-tagline"));
    let block = "rounded-lg border border-slate-200 p-5 dark:border-slate-800";
    let card = |id: &'static str, heading: &str, text: &str, href: &str, label: &str| {
        let heading_id = format!("{id}-heading");
        let labelled_by = heading_id.clone();
        view! {
            <section class=block aria-labelledby=labelled_by>
                <h2 id=heading_id class="text-xl font-semibold">{tr.t(heading)}</h2>
                <p class="mt-2">{tr.t(text)}</p>
                <a class="mt-3 inline-block underline" href=link(href)>{tr.t(label)}</a>
            </section>
        }
    };
    view! {
        <PageMeta title=tr.t("home-title") description=tr.t("home-description") path="/".into()/>
        <div class="mx-auto max-w-5xl px-4 py-12 sm:py-16">
            <div class="max-w-3xl">
                <h1 class="text-4xl font-bold tracking-tight sm:text-5xl">{tr.t("home-heading")}</h1>
                <p class="mt-6 text-lg leading-8 text-slate-700 dark:text-slate-300" inner_html=tr.html("home-lead", &[])></p>
                <p class="mt-4 text-slate-700 dark:text-slate-300">{tagline}</p>
                <div class="mt-8 flex flex-wrap items-center gap-4">
                    <a href=link("/guide") class="inline-block rounded-md bg-accent px-5 py-3 font-semibold text-white shadow hover:opacity-90">
                        {tr.t("home-start")}
                    </a>
                    <a href=link("/learn") class="font-semibold underline">{tr.t("home-read")}</a>
                </div>
                <p class="mt-3 text-sm text-slate-600 dark:text-slate-400">{tr.t("home-start-note")}</p>
            </div>

            <div class="mt-14 grid gap-6 md:grid-cols-3">
                {card("organise", "home-organise-heading", "home-organise-text", "/learn#microservices", "home-organise-link")}
                {card("run", "home-run-heading", "home-run-text", "/learn#serverless", "home-run-link")}
                {card("combine", "home-combine-heading", "home-combine-text", "/learn#combinations", "home-combine-link")}
            </div>

            <section class="mt-14" aria-labelledby="map-heading">
                <h2 id="map-heading" class="text-2xl font-semibold">{tr.t("home-map-heading")}</h2>
                <p class="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">{tr.t("home-map-text")}</p>
                <ArchitectureMapView map/>
                <p class="mt-4">
                    <a href=link("/guide") class="font-semibold text-accent underline dark:text-accent-on-dark">{tr.t("home-map-link")}</a>
                </p>
            </section>

            <section class="mt-14 rounded-lg bg-slate-100 p-6 dark:bg-slate-900" aria-labelledby="promise-heading">
                <h2 id="promise-heading" class="text-2xl font-semibold">{tr.args("home-talk-heading", &[("brand", brand.name.clone().into())])}</h2>
                <ul class="mt-4 grid gap-3 sm:grid-cols-3">
                    <li inner_html=tr.html("home-talk-reply", &[("within", within.into())])></li>
                    <li inner_html=tr.html("home-talk-code", &[])></li>
                    <li inner_html=tr.html("home-talk-lockin", &[])></li>
                </ul>
                <a href=link("/contact") class="mt-6 inline-block rounded-md border border-slate-500 px-5 py-2 font-semibold">{tr.t("home-talk-button")}</a>
            </section>
        </div>
    }
}
