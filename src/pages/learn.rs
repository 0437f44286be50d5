//! `/learn`: the explainer. Microservices decide how a system is organised, serverless decides
//! how it runs; they combine; and adopting either before real pain justifies it is the most
//! expensive mistake.

use leptos::prelude::*;

use crate::components::architecture_map::{ArchitectureMapView, GeneralMap};
use crate::components::page_meta::PageMeta;
use crate::i18n::carry::link;
use crate::i18n::Tr;

/// A section of the explainer with its anchor and a way into the guide.
#[component]
fn Section(id: &'static str, title: String, children: Children) -> impl IntoView {
    let tr = Tr::here();
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <section id=id aria-labelledby=labelled_by class="scroll-mt-4 border-t border-slate-200 pt-8 dark:border-slate-800">
            <h2 id=heading class="text-2xl font-bold tracking-tight">{title}</h2>
            <div class="mt-4 space-y-4 leading-7">{children()}</div>
            <p class="mt-4 print:hidden">
                <a href=link("/guide") class="font-semibold text-accent underline dark:text-accent-on-dark">
                    {tr.t("learn-to-guide")}
                </a>
            </p>
        </section>
    }
}

/// Each section's anchor and the message of its title.
const SECTIONS: &[(&str, &str)] = &[
    ("microservices", "learn-microservices"),
    ("serverless", "learn-serverless"),
    ("organisation-vs-execution", "learn-questions"),
    ("differences", "learn-differences"),
    ("combinations", "learn-combinations"),
    ("over-engineering", "learn-trap"),
    ("how-to-choose", "learn-choose"),
];

/// The rows of the comparison table: `learn-row-{row}` and its two cells.
const ROWS: &[&str] = &["nature", "control", "operations", "cost", "complexity", "combinable"];

/// A list whose items are the messages `{prefix}-1`, `{prefix}-2`, ... `{prefix}-{count}`.
fn items(tr: Tr, prefix: &str, count: usize, class: &'static str) -> impl IntoView {
    let items =
        (1..=count).map(|i| view! { <li inner_html=tr.html(&format!("{prefix}-{i}"), &[])></li> }).collect_view();
    view! { <ul class=class>{items}</ul> }
}

/// What one approach gives and what it costs.
fn gains_and_costs(tr: Tr, approach: &str) -> impl IntoView {
    let list = "list-disc space-y-1 pl-6";
    view! {
        <h3 class="text-lg font-semibold">{tr.t("learn-gain")}</h3>
        {items(tr, &format!("learn-{approach}-gain"), 3, list)}
        <h3 class="text-lg font-semibold">{tr.t("learn-cost")}</h3>
        {items(tr, &format!("learn-{approach}-cost"), 3, list)}
    }
}

#[component]
pub fn LearnPage() -> impl IntoView {
    let map = use_context::<GeneralMap>().unwrap_or_default().0;
    let tr = Tr::here();
    let title = |key: &str| SECTIONS.iter().find(|(_, k)| *k == key).map(|(_, k)| tr.t(k)).unwrap_or_default();
    let contents = SECTIONS
        .iter()
        .map(|(id, key)| view! { <li><a class="underline" href=format!("#{id}")>{tr.t(key)}</a></li> })
        .collect_view();
    let rows = ROWS
        .iter()
        .map(|row| {
            view! {
                <tr class="border-b border-slate-200 align-top dark:border-slate-800">
                    <th scope="row" class="py-2 pr-4 font-semibold">{tr.t(&format!("learn-row-{row}"))}</th>
                    <td class="py-2 pr-4">{tr.t(&format!("learn-row-{row}-microservices"))}</td>
                    <td class="py-2">{tr.t(&format!("learn-row-{row}-serverless"))}</td>
                </tr>
            }
        })
        .collect_view();
    let spaced = "list-disc space-y-2 pl-6";
    view! {
        <PageMeta title=tr.t("learn-title") description=tr.t("learn-description") path="/learn".into()/>
        <article class="mx-auto max-w-3xl space-y-10 px-4 py-10">
            <header>
                <h1 class="text-3xl font-bold tracking-tight sm:text-4xl">{tr.t("learn-title")}</h1>
                <p class="mt-4 text-lg leading-8 text-slate-700 dark:text-slate-300" inner_html=tr.html("learn-lead", &[])></p>
                <nav aria-label=tr.t("learn-on-this-page") class="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800 print:hidden">
                    <h2 class="font-semibold">{tr.t("learn-on-this-page")}</h2>
                    <ol class="mt-2 list-decimal space-y-1 pl-6">{contents}</ol>
                </nav>
            </header>

            <Section id="microservices" title=title("learn-microservices")>
                <p>{tr.t("learn-microservices-text")}</p>
                {gains_and_costs(tr, "microservices")}
            </Section>

            <Section id="serverless" title=title("learn-serverless")>
                <p>{tr.t("learn-serverless-text")}</p>
                {gains_and_costs(tr, "serverless")}
            </Section>

            <Section id="organisation-vs-execution" title=title("learn-questions")>
                <p inner_html=tr.html("learn-questions-text-1", &[])></p>
                <p>{tr.t("learn-questions-text-2")}</p>
            </Section>

            <Section id="differences" title=title("learn-differences")>
                <div class="overflow-x-auto">
                    <table class="w-full border-collapse text-left text-sm sm:text-base">
                        <caption class="sr-only">{tr.t("learn-table-caption")}</caption>
                        <thead>
                            <tr class="border-b border-slate-300 dark:border-slate-700">
                                <th scope="col" class="py-2 pr-4"><span class="sr-only">{tr.t("learn-table-aspect")}</span></th>
                                <th scope="col" class="py-2 pr-4">{tr.t("learn-table-microservices")}</th>
                                <th scope="col" class="py-2">{tr.t("learn-table-serverless")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </Section>

            <Section id="combinations" title=title("learn-combinations")>
                <p>{tr.t("learn-combinations-text")}</p>
                <ArchitectureMapView map table_open=true>
                    <p inner_html=tr.html("learn-map-across", &[])></p>
                    <p inner_html=tr.html("learn-map-down", &[])></p>
                </ArchitectureMapView>
                {items(tr, "learn-combination", 3, spaced)}
            </Section>

            <Section id="over-engineering" title=title("learn-trap")>
                <p inner_html=tr.html("learn-trap-text-1", &[])></p>
                <p>{tr.t("learn-trap-text-2")}</p>
                <p class="font-semibold">{tr.t("learn-trap-text-3")}</p>
            </Section>

            <Section id="how-to-choose" title=title("learn-choose")>
                {items(tr, "learn-choose", 4, spaced)}
                <p>{tr.t("learn-choose-text")}</p>
                <p inner_html=tr.html("learn-cases", &[])></p>
            </Section>
        </article>
    }
}
