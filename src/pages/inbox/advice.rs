//! The advice on staff pages: the lead's brief (the guide's result, each reason once) with the
//! consultants' verdict beside it and its form, and the dashboard's agreement of each model
//! version with the consultants.

use leptos::prelude::*;

use crate::components::reasons::ReasonList;
use crate::components::textarea::textarea_text;
use crate::domain::guide::cost::usd;
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::page_data::inbox::Brief;
use crate::page_data::review::{AdviceSummary, VerdictForm, VerdictView};

const CARD: &str = "rounded-lg border border-slate-200 p-4 dark:border-slate-800";
const BUTTON: &str = "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900";
const INPUT: &str =
    "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";

/// An option's words, as staff read them (the staff area is in English).
fn label(message: crate::domain::message::Message) -> String {
    crate::i18n::Tr::here().message(&message)
}

/// The guide's result for the call: its choices with their reasons (each once, with the options
/// it speaks for and against), warnings, similar cases, costs and the person's answers.
#[component]
pub fn BriefCard(brief: Brief) -> impl IntoView {
    let r = brief.recommendation;
    let en = |m: &crate::domain::message::Message| crate::i18n::Tr::here().message(m);
    let cost = &r.cost.monthly_usd;
    let costs = vec![
        ("Functions", cost.functions),
        ("Managed containers", cost.managed_containers),
        ("Virtual machines", cost.virtual_machines),
        ("Kubernetes", r.cost.assumptions.kubernetes_monthly_usd),
    ];
    let organisation = |o: &str| Organisation::parse(o).map(|o| label(o.label())).unwrap_or_default();
    let execution = |o: &str| Execution::parse(o).map(|o| label(o.label())).unwrap_or_default();
    view! {
        <section class=CARD aria-labelledby="brief-heading" data-brief>
            <h2 id="brief-heading" class="text-lg font-semibold">"Brief for the call"</h2>
            <p class="mt-2">
                "The guide recommended " <strong>{en(&r.summary())}</strong> "."
                " " <a class="underline" href=format!("/guide/result/{}", brief.result_id)>"Open the result"</a>
            </p>
            <h3 class="mt-4 font-medium">{format!("Organisation: {}", en(&r.organisation.choice.label()))}</h3>
            <ReasonList reasons=r.organisation.reasons.clone() label=organisation/>
            <h3 class="mt-4 font-medium">{format!("Execution: {}", en(&r.execution.choice.label()))}</h3>
            <ReasonList reasons=r.execution.reasons.clone() label=execution/>
            {(!r.warnings.is_empty()).then(|| view! {
                <h3 class="mt-4 font-medium">"Warnings"</h3>
                <ul class="mt-1 list-disc pl-5 text-sm">
                    {r.warnings.iter().map(|w| view! { <li>{en(&w.message)}</li> }).collect_view()}
                </ul>
            })}
            <div class="mt-4"><crate::pages::guide::similar::SimilarCases cases=r.similar_cases.clone() heading_level=3/></div>
            <h3 class="mt-4 font-medium">"Monthly cost at their traffic"</h3>
            <table class="mt-1 text-sm">
                <tbody>
                    {costs.into_iter().map(|(name, value)| view! {
                        <tr><th scope="row" class="pr-4 text-left font-normal">{name}</th><td class="text-right tabular-nums">{usd(value)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3 class="mt-4 font-medium">"Their answers"</h3>
            <dl class="mt-1 grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
                {brief.answers.iter().map(|(q, a)| view! { <dt>{q.clone()}</dt><dd class="font-medium">{a.clone()}</dd> }).collect_view()}
            </dl>
        </section>
    }
}

/// The consultants' verdict: the one recorded, set beside the guide's advice, and the form that
/// records it (again).
#[component]
pub fn VerdictCard(
    reference: String,
    verdict: Option<VerdictView>,
    typed: Option<VerdictForm>,
    open: bool,
) -> impl IntoView {
    let typed = typed.unwrap_or_else(|| VerdictForm {
        organisation: verdict.as_ref().map(|v| v.organisation.clone()).unwrap_or_default(),
        execution: verdict.as_ref().map(|v| v.execution.clone()).unwrap_or_default(),
        note: verdict.as_ref().map(|v| v.note.clone()).unwrap_or_default(),
        errors: Vec::new(),
    });
    let error = |field: &str| typed.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone());
    let (org_error, exec_error, note_error) = (error("organisation"), error("execution"), error("note"));
    let field_error = |message: Option<String>, id: &'static str| {
        message.map(|m| view! { <p id=id class="mt-1 text-sm text-red-800 dark:text-red-300">{m}</p> })
    };
    let recorded = verdict.clone().map(|v| {
        view! {
            <div data-verdict class="mt-2 text-sm">
                <p><strong>{v.advised.clone()}</strong>{format!(" — {}, {}", v.by, v.at)}</p>
                <p class="mt-1">{match (&v.guide, v.agrees) {
                    (Some(guide), Some(true)) => format!("As the guide advised: {guide}."),
                    (Some(guide), _) => format!("The guide advised {guide}: the consultants disagreed."),
                    (None, _) => "The lead attached no guide result to compare with.".to_string(),
                }}</p>
                {(!v.note.is_empty()).then(|| view! { <p class="mt-1 whitespace-pre-wrap break-words">{v.note.clone()}</p> })}
            </div>
        }
    });
    // One of an axis's options, named `name`, with what was chosen and what is wrong with it.
    let select = |name: &'static str,
                  text: &'static str,
                  chosen: String,
                  options: Vec<(&'static str, String)>,
                  error: Option<String>| {
        let id = format!("verdict-{name}");
        let error_id = format!("{id}-error");
        view! {
            <div>
                <label for=id.clone() class="block text-sm font-medium">{text}</label>
                <select id=id name=name required class=INPUT aria-invalid=error.is_some().then_some("true") aria-describedby=error.is_some().then(|| error_id.clone())>
                    <option value="">"Choose…"</option>
                    {options.into_iter().map(|(value, words)| view! { <option value=value selected=chosen == value>{words}</option> }).collect_view()}
                </select>
                {error.map(|m| view! { <p id=error_id class="mt-1 text-sm text-red-800 dark:text-red-300">{m}</p> })}
            </div>
        }
    };
    let org_select = select(
        "organisation",
        "Organisation you advised",
        typed.organisation.clone(),
        Organisation::ALL.iter().map(|o| (o.as_str(), label(o.label()))).collect(),
        org_error,
    );
    let exec_select = select(
        "execution",
        "How you advised them to run it",
        typed.execution.clone(),
        Execution::ALL.iter().map(|e| (e.as_str(), label(e.label()))).collect(),
        exec_error,
    );
    view! {
        <section class=CARD aria-labelledby="verdict-heading">
            <h2 id="verdict-heading" class="text-lg font-semibold">"Your verdict"</h2>
            {match recorded {
                Some(v) => v.into_any(),
                None => view! { <p class="mt-2 text-sm">"After the call, record the advice you gave: it is set beside the guide's, and the dashboard counts how often the two agree."</p> }.into_any(),
            }}
            {open.then(|| view! {
                <form method="post" action=format!("/inbox/leads/{reference}/verdict") class="mt-3 space-y-3">
                    {org_select}
                    {exec_select}
                    <div>
                        <label for="verdict-note" class="block text-sm font-medium">"Why (optional)"</label>
                        <textarea id="verdict-note" name="note" rows="3" class=INPUT aria-invalid=note_error.is_some().then_some("true") aria-describedby=note_error.is_some().then_some("verdict-note-error")>{textarea_text(&typed.note)}</textarea>
                        {field_error(note_error.clone(), "verdict-note-error")}
                    </div>
                    <button class=BUTTON>"Record the verdict"</button>
                </form>
            })}
        </section>
    }
}

/// The dashboard's part about the advice.
#[component]
pub fn AdviceSection(advice: AdviceSummary, admin: bool) -> impl IntoView {
    view! {
        <section aria-labelledby="advice-heading">
            <h2 id="advice-heading" class="mt-10 text-lg font-semibold">"The guide and the consultants"</h2>
            {(!advice.stale_prices.is_empty()).then(|| view! {
                <div role="alert" data-stale-prices class="mt-3 rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
                    <p>{format!("Prices read more than {} ago: read them again and publish the price book.", advice.prices_max_age)}</p>
                    <ul class="mt-1 list-disc pl-5">
                        {advice.stale_prices.iter().map(|(name, day, age)| view! { <li>{format!("{name}: read {day} ({age} days ago)")}</li> }).collect_view()}
                    </ul>
                </div>
            })}
            {if advice.agreement.is_empty() {
                view! { <p class="mt-3 text-sm">"No verdicts yet: record one on a lead's page after the call."</p> }.into_any()
            } else {
                view! {
                    <table class="mt-3 text-sm" data-agreement>
                        <caption class="text-left font-medium">"Agreement with the consultants' verdicts, per model version"</caption>
                        <thead><tr>
                            <th scope="col" class="pr-6 text-left">"Model version"</th>
                            <th scope="col" class="pr-6 text-right">"Verdicts"</th>
                            <th scope="col" class="pr-6 text-right">"Both choices"</th>
                            <th scope="col" class="pr-6 text-right">"Organisation"</th>
                            <th scope="col" class="text-right">"Execution"</th>
                        </tr></thead>
                        <tbody>
                            {advice.agreement.iter().map(|a| view! {
                                <tr data-version=a.model_version.clone()>
                                    <th scope="row" class="pr-6 text-left font-normal">{a.model_version.clone()}</th>
                                    <td class="pr-6 text-right tabular-nums">{a.verdicts.to_string()}</td>
                                    <td class="pr-6 text-right tabular-nums" data-both>{a.both.clone()}</td>
                                    <td class="pr-6 text-right tabular-nums">{a.organisation.clone()}</td>
                                    <td class="text-right tabular-nums">{a.execution.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            {(!advice.disagreements.is_empty()).then(|| view! {
                <h3 class="mt-6 font-semibold">"Where they disagreed"</h3>
                <ul class="mt-2 space-y-4">
                    {advice.disagreements.iter().map(|d| view! {
                        <li class=CARD data-disagreement=d.reference.clone()>
                            <p>
                                <a class="font-mono underline" href=format!("/inbox/leads/{}", d.reference)>{d.reference.clone()}</a>
                                {format!(" · model {} · {} · {}", d.model_version, d.by, d.at)}
                            </p>
                            <p class="mt-1">{format!("The guide advised {}; the consultants advised {}.", d.guide, d.verdict)}</p>
                            {(!d.note.is_empty()).then(|| view! { <p class="mt-1 whitespace-pre-wrap break-words text-sm">{d.note.clone()}</p> })}
                            <details class="mt-2 text-sm">
                                <summary>"The answers that led to it"</summary>
                                <dl class="mt-1 grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)] gap-x-4 gap-y-1">
                                    {d.answers.iter().map(|(q, a)| view! { <dt>{q.clone()}</dt><dd class="font-medium">{a.clone()}</dd> }).collect_view()}
                                </dl>
                            </details>
                            {admin.then(|| view! {
                                <form method="post" action="/inbox/model/cases/from-lead" class="mt-2">
                                    <input type="hidden" name="reference" value=d.reference.clone()/>
                                    <button class=BUTTON>"Make it a case"</button>
                                </form>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
