//! `/guide`: the questionnaire, one step per screen. The answers travel in the URL, so reload,
//! the back button and a shared link all work, with or without JavaScript.

mod cost_table;
mod fields;

pub mod result;
pub mod similar;

use leptos::prelude::*;

use leptos_router::hooks::use_query_map;

use crate::components::page_meta::PageMeta;
use crate::domain::guide::questions::{questions_in_step, step_title};
use crate::i18n::carry::{link, CarriedFields};
use crate::i18n::Tr;

use crate::page_data::guide::{step_of, GuideState};
use fields::QuestionField;

#[component]
pub fn GuidePage() -> impl IntoView {
    let raw: Vec<(String, String)> =
        use_query_map().get_untracked().latest_values().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let state = GuideState::from_pairs(&raw);
    // Moving between steps lands keyboard and screen-reader users on the new step's heading.
    let moved = raw.iter().any(|(k, _)| k == "step");
    #[cfg(feature = "ssr")]
    crate::server::handlers::guide::count_step_view(state.step);
    let tr = Tr::here();
    let step = state.step;
    let visible = state.visible_steps();
    let position = visible.iter().position(|s| *s == step).unwrap_or(0) + 1;
    let total = visible.len();
    let previous = state.previous_step(step);
    let next = state.next_step(step);
    let hidden: Vec<(String, String)> = state.typed.iter().filter(|(k, _)| step_of(k) != Some(step)).cloned().collect();
    let questions = questions_in_step(step)
        .filter(|q| state.situation.applicable.contains(q.id))
        .map(|q| {
            view! {
                <QuestionField
                    question=q
                    typed=state.typed(q.id).map(str::to_string)
                    error=state.error(q.id).cloned()
                />
            }
        })
        .collect_view();
    let button = "rounded-md px-5 py-2 font-semibold";
    let title = tr.message(&step_title(step));
    let progress = tr.args("guide-progress", &[("position", position.into()), ("total", total.into())]);
    view! {
        <PageMeta title=tr.t("guide-title") description=tr.t("guide-description") path="/guide".into()/>
        <div class="mx-auto max-w-3xl px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">{tr.t("guide-title")}</h1>
            <p class="mt-2 text-slate-700 dark:text-slate-300">{tr.t("guide-optional")}</p>
            <div class="mt-6">
                <p class="text-sm font-medium">{tr.args("guide-progress-title", &[("progress", progress.clone().into()), ("title", title.clone().into())])}</p>
                <progress
                    max=total.to_string()
                    value=position.to_string()
                    aria-label=progress
                    class="mt-2 h-2 w-full appearance-none overflow-hidden rounded bg-slate-200 dark:bg-slate-800 [&::-webkit-progress-bar]:bg-slate-200 dark:[&::-webkit-progress-bar]:bg-slate-800 [&::-webkit-progress-value]:bg-accent [&::-moz-progress-bar]:bg-accent"
                ></progress>
            </div>
            <form method="get" action=crate::i18n::page_lang().path("/guide") class="mt-8 space-y-8">
                <h2 id="step-title" class="text-2xl font-semibold focus:outline-none" tabindex="-1" autofocus=moved>{title}</h2>
                <CarriedFields/>
                {hidden
                    .into_iter()
                    .map(|(k, v)| view! { <input type="hidden" name=k value=v/> })
                    .collect_view()}
                {questions}
                <div class="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6 dark:border-slate-800">
                    {previous.map(|p| view! {
                        <button type="submit" name="step" value=p.to_string() formnovalidate=true
                            class=format!("{button} border border-slate-400 dark:border-slate-600")>
                            {tr.t("guide-back")}
                        </button>
                    })}
                    {match next {
                        Some(n) => view! {
                            <button type="submit" name="step" value=n.to_string()
                                class=format!("{button} bg-accent text-white hover:opacity-90")>
                                {tr.t("guide-next")}
                            </button>
                        }.into_any(),
                        None => view! {
                            <button type="submit" formmethod="post" formaction=crate::i18n::page_lang().path("/guide/result")
                                class=format!("{button} bg-accent text-white hover:opacity-90")>
                                {tr.t("guide-finish")}
                            </button>
                        }.into_any(),
                    }}
                    <a href=link("/guide") class="ml-auto text-sm underline">{tr.t("guide-start-over")}</a>
                </div>
            </form>
        </div>
    }
}
