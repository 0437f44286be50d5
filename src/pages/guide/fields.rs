//! One question on a guide step: radios for choices, yes/no, or presets with an exact number.

use leptos::prelude::*;

use crate::domain::guide::answers::plain_number;
use crate::domain::guide::questions::{DefaultValue, Input, Question};
use crate::domain::lang::Arg;
use crate::domain::message::Message;
use crate::i18n::Tr;

use crate::page_data::guide::{EXACT, EXACT_SUFFIX};

/// A question as a fieldset, with the visitor's earlier input selected and its error beside it.
#[component]
pub fn QuestionField(question: &'static Question, typed: Option<String>, error: Option<Message>) -> impl IntoView {
    let tr = Tr::here();
    let id = question.id;
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let described = if error.is_some() { format!("{help_id} {error_id}") } else { help_id.clone() };
    let invalid = error.is_some().then_some("true");
    let label = |value: &str| question.option_label(value).map(|m| tr.message(&m)).unwrap_or_default();
    let inputs = match &question.input {
        Input::Choice { options } => options
            .iter()
            .map(|o| {
                let help = tr.message(&question.option_help(o.value));
                radio(id, o.value, label(o.value), Some(help), typed.as_deref() == Some(o.value))
            })
            .collect_view()
            .into_any(),
        Input::Boolean {} => view! {
            {radio(id, "true", label("true"), None, matches!(typed.as_deref(), Some("true" | "yes")))}
            {radio(id, "false", label("false"), None, matches!(typed.as_deref(), Some("false" | "no")))}
        }
        .into_any(),
        Input::Integer { presets, min, max } | Input::Number { presets, min, max } => {
            let integer = matches!(question.input, Input::Integer { .. });
            let typed_number = typed.as_deref().and_then(|t| t.replace([',', '_'], "").parse::<f64>().ok());
            let preset_chosen = presets.iter().copied().find(|p| Some(*p) == typed_number);
            let exact_chosen = typed.is_some() && preset_chosen.is_none();
            let exact_value = if exact_chosen { typed.clone().unwrap_or_default() } else { String::new() };
            let exact_id = format!("{id}{EXACT_SUFFIX}");
            let exact_name = exact_id.clone();
            let exact_choice_id = format!("{id}-exact-choice");
            let exact_label_for = exact_choice_id.clone();
            let unit = tr.message(&question.unit());
            let exact_label = tr.args(
                "guide-exact-label",
                &[("question", tr.message(&question.text()).into()), ("unit", unit.clone().into())],
            );
            view! {
                {presets
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let label = tr.message(&question.preset_label(i));
                        radio(id, &p.to_string(), label, None, preset_chosen == Some(*p))
                    })
                    .collect_view()}
                <div class="flex flex-wrap items-center gap-2 rounded-md border border-slate-300 px-3 py-2 sm:col-span-2 dark:border-slate-700">
                    <input type="radio" name=id value=EXACT id=exact_choice_id checked=exact_chosen class="h-4 w-4 accent-accent"/>
                    <label for=exact_label_for>{tr.t("guide-exact")}</label>
                    <input
                        type="number"
                        name=exact_name
                        id=exact_id
                        value=exact_value
                        min=plain_number(*min).replace(',', "")
                        max=plain_number(*max).replace(',', "")
                        step=if integer { "1" } else { "any" }
                        inputmode=if integer { "numeric" } else { "decimal" }
                        aria-label=exact_label
                        class="w-40 rounded border border-slate-400 bg-white px-2 py-1 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
                    />
                    <span class="text-sm text-slate-600 dark:text-slate-400">{unit}</span>
                </div>
            }
            .into_any()
        }
    };
    let assumed = tr.args("guide-assumed", &[("default", default_in_words(tr, question).into())]);
    view! {
        <fieldset class="space-y-2" aria-describedby=described aria-invalid=invalid>
            <legend class="text-lg font-semibold">{tr.message(&question.text())}</legend>
            <p id=help_id class="text-sm text-slate-600 dark:text-slate-400">
                {tr.message(&question.help())} " " {assumed}
            </p>
            {error.map(|e| view! {
                <p id=error_id class="font-medium text-red-700 dark:text-red-400">
                    {tr.args("answer-problem", &[("problem", tr.message(&e).into())])}
                </p>
            })}
            <div class="grid gap-2 sm:grid-cols-2">{inputs}</div>
        </fieldset>
    }
}

/// The default answer in plain words, as the help text states it.
fn default_in_words(tr: Tr, question: &Question) -> String {
    let quoted =
        |m: Option<Message>| tr.args("guide-quoted", &[("text", m.map(|m| tr.message(&m)).unwrap_or_default().into())]);
    match &question.default {
        DefaultValue::Text(value) => quoted(question.option_label(value)),
        DefaultValue::Bool(b) => quoted(question.option_label(if *b { "true" } else { "false" })),
        DefaultValue::Number(n) => tr.args(
            "guide-default-number",
            &[("value", Arg::Number(*n, 2)), ("unit", tr.message(&question.unit()).into())],
        ),
        DefaultValue::Depends { .. } => tr.t("guide-default-depends"),
    }
}

fn radio(name: &'static str, value: &str, label: String, help: Option<String>, checked: bool) -> impl IntoView {
    let input_id = format!("{name}-{}", value.replace('.', "_"));
    let label_for = input_id.clone();
    view! {
        <label
            for=label_for
            class="flex cursor-pointer gap-3 rounded-md border border-slate-300 px-3 py-2 hover:border-slate-500 has-[:checked]:border-accent has-[:checked]:ring-2 has-[:checked]:ring-accent dark:border-slate-700"
        >
            <input type="radio" id=input_id name=name value=value.to_string() checked=checked class="mt-1 h-4 w-4 accent-accent"/>
            <span>
                <span class="font-medium">{label}</span>
                {help.map(|h| view! { <span class="block text-sm text-slate-600 dark:text-slate-400">{h}</span> })}
            </span>
        </label>
    }
}
