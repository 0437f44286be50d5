//! "Teams like yours": the published cases nearest to a result's answers, each with what the
//! company did, the answers it shares with the visitor, and, where its outcome differs from the
//! recommendation, the answer that makes the difference. On a result page and in a lead's brief.

use leptos::prelude::*;

use crate::domain::guide::answers::{describe, Answers};
use crate::domain::guide::questions::question;
use crate::domain::guide::recommendation::SimilarCase;
use crate::i18n::carry::link;
use crate::i18n::Tr;

/// The nearest cases as a section; nothing when there are none.
#[component]
pub fn SimilarCases(cases: Vec<SimilarCase>, #[prop(default = 2)] heading_level: u8) -> impl IntoView {
    if cases.is_empty() {
        return ().into_any();
    }
    let tr = Tr::here();
    let title = tr.t("similar-heading");
    let heading = match heading_level {
        3 => view! { <h3 id="similar-heading" class="text-lg font-semibold">{title}</h3> }.into_any(),
        _ => view! { <h2 id="similar-heading" class="text-xl font-semibold">{title}</h2> }.into_any(),
    };
    view! {
        <section class="rounded-lg border border-slate-200 p-5 dark:border-slate-800" aria-labelledby="similar-heading" data-similar-cases="">
            {heading}
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">{tr.t("similar-intro")}</p>
            <ul class="mt-4 space-y-4">{cases.into_iter().map(|case| view! { <CaseItem case/> }).collect_view()}</ul>
            <p class="mt-4 text-sm"><a class="underline" href=link("/learn/cases")>{tr.t("similar-all")}</a></p>
        </section>
    }
    .into_any()
}

#[component]
fn CaseItem(case: SimilarCase) -> impl IntoView {
    let tr = Tr::here();
    let topics: Vec<String> =
        case.matched.iter().filter_map(|id| question(id)).map(|q| tr.message(&q.topic())).collect();
    let matched = if topics.is_empty() {
        tr.t("similar-matched-none")
    } else {
        tr.args("similar-matched", &[("answers", topics.join(", ").into())])
    };
    let outcome = if case.agrees {
        tr.t("similar-agrees")
    } else {
        match case.difference.as_ref().and_then(|d| Some((question(&d.question)?, d))) {
            Some((q, d)) => {
                let theirs = Answers::from_form([(q.id, d.theirs.as_str())])
                    .ok()
                    .and_then(|a| a.get(q.id))
                    .map(|value| tr.message(&describe(q, value)))
                    .unwrap_or_else(|| d.theirs.clone());
                tr.args("similar-differs", &[("topic", tr.message(&q.topic()).into()), ("theirs", theirs.into())])
            }
            None => tr.t("similar-differs-unknown"),
        }
    };
    view! {
        <li data-case=case.id.clone() data-agrees=case.agrees.to_string()>
            <p>
                <strong>{case.company.clone()}</strong> ", " {case.year} ": "
                {tr.t(&format!("case-{}-did", case.id))}
            </p>
            <p class="mt-1 text-sm text-slate-600 dark:text-slate-400">{matched}</p>
            <p class="mt-1 text-sm" class:font-semibold=!case.agrees>{outcome}</p>
            <p class="mt-1 text-sm">
                <a class="underline" href=case.url.clone() rel="noopener noreferrer">{tr.args("similar-source", &[("title", case.title.clone().into())])}</a>
            </p>
        </li>
    }
}
