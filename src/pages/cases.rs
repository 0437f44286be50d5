//! `/learn/cases`: what real companies published about how they organise and run their systems,
//! grouped by what the cases teach, each with its source, its date, the facts used, the choices
//! that fit, and what the guide recommends for the same answers today.

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::domain::guide::cases::{Lesson, PublishedCase};
use crate::domain::guide::questions::question;
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::i18n::carry::link;
use crate::i18n::Tr;

/// A case and the choices the guide makes for its answers with the model running now.
#[derive(Clone, Debug)]
pub struct CaseWithAdvice {
    pub case: PublishedCase,
    pub organisation: Organisation,
    pub execution: Execution,
}

/// Every published case with the guide's advice, from the engine the server runs.
fn cases_with_advice() -> Vec<CaseWithAdvice> {
    #[cfg(feature = "ssr")]
    {
        use crate::domain::guide::engine::CostOptions;
        use crate::server::http::state::AppState;
        let Some(state) = use_context::<AppState>() else { return Vec::new() };
        let engine = state.engine.current();
        engine
            .cases
            .iter()
            .map(|case| {
                let (organisation, execution) = engine.choices_for(&case.answers, CostOptions::default());
                CaseWithAdvice { case: case.clone(), organisation, execution }
            })
            .collect()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Vec::new()
    }
}

#[component]
pub fn CasesPage() -> impl IntoView {
    let tr = Tr::here();
    let all = cases_with_advice();
    let contents = Lesson::ALL
        .iter()
        .map(|lesson| {
            let anchor = format!("#{}", lesson.as_str());
            view! { <li><a class="underline" href=anchor>{tr.t(&format!("cases-lesson-{lesson}"))}</a></li> }
        })
        .collect_view();
    let groups = Lesson::ALL
        .iter()
        .map(|lesson| {
            let cases: Vec<CaseWithAdvice> = all.iter().filter(|c| c.case.lesson == *lesson).cloned().collect();
            let id = lesson.as_str();
            let heading = format!("{id}-heading");
            let labelled_by = heading.clone();
            view! {
                <section id=id aria-labelledby=labelled_by class="scroll-mt-4 border-t border-slate-200 pt-8 dark:border-slate-800">
                    <h2 id=heading class="text-2xl font-bold tracking-tight">{tr.t(&format!("cases-lesson-{lesson}"))}</h2>
                    <p class="mt-2 text-slate-700 dark:text-slate-300">{tr.t(&format!("cases-lesson-{lesson}-intro"))}</p>
                    <div class="mt-6 space-y-6">
                        {cases.into_iter().map(|c| view! { <CaseCard item=c/> }).collect_view()}
                    </div>
                </section>
            }
        })
        .collect_view();
    view! {
        <PageMeta title=tr.t("cases-title") description=tr.t("cases-description") path="/learn/cases".into()/>
        <article class="mx-auto max-w-3xl space-y-10 px-4 py-10">
            <header>
                <p class="text-sm"><a class="underline" href=link("/learn")>{tr.t("cases-back")}</a></p>
                <h1 class="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{tr.t("cases-title")}</h1>
                <p class="mt-4 text-lg leading-8 text-slate-700 dark:text-slate-300">{tr.args("cases-lead", &[("count", (all.len() as f64).into())])}</p>
                <p class="mt-3 text-sm text-slate-600 dark:text-slate-400">{tr.t("cases-how")}</p>
                <nav aria-label=tr.t("learn-on-this-page") class="mt-6 rounded-lg border border-slate-200 p-4 dark:border-slate-800 print:hidden">
                    <h2 class="font-semibold">{tr.t("learn-on-this-page")}</h2>
                    <ol class="mt-2 list-decimal space-y-1 pl-6">{contents}</ol>
                </nav>
            </header>
            {groups}
            <p class="print:hidden">
                <a href=link("/guide") class="font-semibold text-accent underline dark:text-accent-on-dark">{tr.t("learn-to-guide")}</a>
            </p>
        </article>
    }
}

/// One case: who, what they did, the facts, the choices that fit and the guide's own advice.
#[component]
fn CaseCard(item: CaseWithAdvice) -> impl IntoView {
    let tr = Tr::here();
    let case = item.case;
    let chip = "rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800";
    let organisations =
        case.organisation.iter().map(|o| view! { <li class=chip>{tr.message(&o.label())}</li> }).collect_view();
    let executions =
        case.execution.iter().map(|e| view! { <li class=chip>{tr.message(&e.label())}</li> }).collect_view();
    let estimated: Vec<String> =
        case.estimated.iter().filter_map(|id| question(id)).map(|q| tr.message(&q.topic())).collect();
    let agrees = case.accepts(item.organisation, item.execution);
    let advice = tr.args(
        if agrees { "cases-guide-agrees" } else { "cases-guide-differs" },
        &[
            ("organisation", tr.message(&item.organisation.label()).into()),
            ("execution", tr.message(&item.execution.label()).into()),
        ],
    );
    let when = tr.date(&case.published);
    let source = tr.t(&format!("cases-source-{}", case.source));
    let heading = format!("case-{}", case.id);
    let labelled_by = heading.clone();
    view! {
        <article id=case.id.clone() aria-labelledby=labelled_by class="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
            <h3 id=heading class="text-lg font-semibold">{case.company.clone()}</h3>
            <p class="text-sm text-slate-600 dark:text-slate-400">
                {source} ", " {when} ": "
                <a class="underline" href=case.url.clone() rel="noopener noreferrer">{case.title.clone()}</a>
            </p>
            <p class="mt-3">{tr.t(&format!("case-{}-did", case.id))}</p>
            <p class="mt-2 text-sm leading-6 text-slate-700 dark:text-slate-300">{tr.t(&format!("case-{}-facts", case.id))}</p>
            <div class="mt-3 grid gap-2 text-sm sm:grid-cols-2">
                <div>
                    <p class="font-semibold">{tr.t("cases-fits-organisation")}</p>
                    <ul class="mt-1 flex flex-wrap gap-2">{organisations}</ul>
                </div>
                <div>
                    <p class="font-semibold">{tr.t("cases-fits-execution")}</p>
                    <ul class="mt-1 flex flex-wrap gap-2">{executions}</ul>
                </div>
            </div>
            <p class="mt-3 text-sm">{tr.t(&format!("case-{}-why", case.id))}</p>
            <p class="mt-2 text-sm" data-guide-agrees=agrees.to_string()>{advice}</p>
            {(!estimated.is_empty()).then(|| view! {
                <p class="mt-2 text-xs text-slate-600 dark:text-slate-400">{tr.args("cases-estimated", &[("answers", estimated.join(", ").into())])}</p>
            })}
        </article>
    }
}
