//! A choice's reasons as the result page and the lead's brief show them: each reason once, under
//! the question its answer came from, with the options it speaks for and against.

use leptos::prelude::*;

use crate::domain::guide::questions::question;
use crate::domain::guide::recommendation::Reason;
use crate::i18n::Tr;

/// Reasons grouped by their answer and text: a sentence that affects four options is one item
/// with four marks, not four items. `label` names an option; `heading`, when given, goes above.
#[component]
pub fn ReasonList(
    reasons: Vec<Reason>,
    label: impl Fn(&str) -> String + 'static,
    #[prop(optional)] heading: Option<String>,
) -> impl IntoView {
    let tr = Tr::here();
    let mut groups: Vec<(String, String, Vec<(String, String)>)> = Vec::new();
    for reason in reasons {
        let chip = (reason.effect.clone(), label(&reason.option));
        let text = tr.message(&reason.text);
        match groups.iter_mut().find(|(a, t, _)| *a == reason.answer && *t == text) {
            Some(group) => group.2.push(chip),
            None => groups.push((reason.answer.clone(), text, vec![chip])),
        }
    }
    view! {
        {heading.map(|h| view! { <h3 class="mt-6 font-semibold">{h}</h3> })}
        <ul class="mt-2 space-y-3" data-reasons>
            {groups.into_iter().map(|(answer, text, chips)| {
                let asked = question(&answer).map(|q| Tr::here().message(&q.text())).unwrap_or_default();
                view! {
                    <li>
                        <p class="text-sm text-slate-600 dark:text-slate-400">{asked}</p>
                        <p>{text}</p>
                        <p class="mt-1 flex flex-wrap gap-2 text-sm">
                            {chips.into_iter().map(|(effect, option)| {
                                let words = tr.args(if effect == "+" { "result-for" } else { "result-against" }, &[("option", option.into())]);
                                view! { <span class="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">{words}</span> }
                            }).collect_view()}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
