//! The contact form's fields: an island, so that with JavaScript each field is checked as the
//! visitor leaves it (with the very checks the server makes); without JavaScript the same
//! markup is a plain form and the server's messages appear after sending.
//!
//! The island takes no props: on the server it renders the form's state from the page's
//! context; in the browser it starts from what that rendering left in the page (the inputs'
//! current values, the server's messages). So the bundle carries no deserializer, and whatever a
//! visitor typed before the island woke up is where the checks start, never overwritten.
//!
//! It carries no words either: labels are what the server rendered (hydration leaves text as it
//! finds it), and the browser's checks show the messages the page lists for each problem
//! (`#contact-problems`' `data-problems`, rendered by the page in its language).

use leptos::prelude::*;

use crate::domain::email::EMAIL_MAX;
use crate::domain::leads::lead::{
    consent_problem, field_problem, Problem, COMPANY_MAX, MESSAGE_MAX, NAME_MAX, PREFERRED_CONTACT_MAX, ROLE_MAX,
};
use crate::i18n::Tr;

/// The words of a problem found as the visitor types.
fn problem_text(problem: Problem) -> String {
    #[cfg(feature = "ssr")]
    {
        Tr::here().message(&problem.message())
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        let all = document().get_element_by_id("contact-problems").and_then(|e| e.get_attribute("data-problems"));
        let words = all
            .as_deref()
            .unwrap_or_default()
            .lines()
            .find_map(|line| line.strip_prefix(problem.key).and_then(|rest| rest.strip_prefix('\t')))
            .unwrap_or(problem.key)
            .to_string();
        match problem.length {
            Some(length) => words.replace(LENGTH_MARK, &length.to_string()),
            None => words,
        }
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        problem.key.to_string()
    }
}

/// Where the page's words for "the message is too long" leave the length to the browser.
pub const LENGTH_MARK: &str = "{length}";

/// What the form starts with.
#[derive(Default)]
struct Start {
    /// Each field's value and the server's message about it, by field name.
    fields: Vec<(&'static str, String, Option<String>)>,
    consent: bool,
    consent_error: Option<String>,
}

#[cfg(any(feature = "ssr", feature = "hydrate"))]
const FIELDS: [&str; 6] = ["name", "email", "company", "role", "message", "preferred_contact"];

impl Start {
    /// On the server: the form as the page has it (empty, or as it came back after a rejected post).
    #[cfg(feature = "ssr")]
    fn read() -> Self {
        let state = use_context::<crate::page_data::contact::ContactFormState>().unwrap_or_default();
        let error = |field: &str| {
            state.errors.iter().find(|e| e.field == field).map(|e| crate::i18n::Tr::here().message(&e.message))
        };
        let input = &state.input;
        let value = |field: &str| match field {
            "name" => input.name.clone(),
            "email" => input.email.clone(),
            "company" => input.company.clone(),
            "role" => input.role.clone(),
            "message" => input.message.clone(),
            _ => input.preferred_contact.clone(),
        };
        Start {
            fields: FIELDS.iter().map(|&f| (f, value(f), error(f))).collect(),
            consent: input.consent,
            consent_error: error("consent"),
        }
    }

    /// In the browser: what the server rendered, read back from the page.
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    fn read() -> Self {
        use wasm_bindgen::JsCast;
        let document = document();
        let element = |id: &str| document.get_element_by_id(id);
        let text = |id: &str| element(id).and_then(|e| e.text_content());
        let value = |id: &str| match element(id) {
            Some(e) => match e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                Some(area) => area.value(),
                None => e.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default(),
            },
            None => String::new(),
        };
        Start {
            fields: FIELDS.iter().map(|&f| (f, value(f), text(&format!("{f}-error")))).collect(),
            consent: element("consent")
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                .is_some_and(|i| i.checked()),
            consent_error: text("consent-error"),
        }
    }

    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    fn read() -> Self {
        Start::default()
    }

    fn field(&self, name: &'static str) -> Field {
        let (value, server) =
            self.fields.iter().find(|(f, _, _)| *f == name).map(|(_, v, e)| (v.clone(), e.clone())).unwrap_or_default();
        let value = RwSignal::new(value);
        let touched = RwSignal::new(false);
        // The live check once the visitor has left the field, until then the server's message.
        let error = Signal::derive(move || {
            if touched.get() {
                field_problem(name, &value.get()).map(problem_text)
            } else {
                server.clone()
            }
        });
        Field { name, value, touched, error }
    }
}

/// One text field's state: its value, whether the visitor has left it, the message to show.
#[derive(Clone, Copy)]
struct Field {
    name: &'static str,
    value: RwSignal<String>,
    touched: RwSignal<bool>,
    error: Signal<Option<String>>,
}

#[island]
pub fn ContactFields() -> impl IntoView {
    let start = Start::read();
    let name = start.field("name");
    let email = start.field("email");
    let company = start.field("company");
    let role = start.field("role");
    let message = start.field("message");
    let preferred = start.field("preferred_contact");
    let consent = RwSignal::new(start.consent);
    let consent_touched = RwSignal::new(false);
    let consent_server = start.consent_error.clone();
    let consent_error = Signal::derive(move || {
        if consent_touched.get() {
            consent_problem(consent.get()).map(problem_text)
        } else {
            consent_server.clone()
        }
    });
    let message_error = message.error;
    let initial_message = crate::components::textarea::textarea_text(&message.value.get_untracked());
    let tr = Tr::here();
    // Rendered on the server only: in the browser the label is already there.
    #[cfg(feature = "ssr")]
    let consent_label = tr.html("contact-consent-label", &[]);
    #[cfg(not(feature = "ssr"))]
    let consent_label = String::new();
    view! {
        <TextField field=name label=tr.t("contact-name") max=NAME_MAX required=true autocomplete="name" kind="text"/>
        <TextField field=email label=tr.t("contact-email") max=EMAIL_MAX required=true autocomplete="email" kind="email"/>
        <TextField field=company label=tr.t("contact-company") max=COMPANY_MAX required=false autocomplete="organization" kind="text"/>
        <TextField field=role label=tr.t("contact-role") max=ROLE_MAX required=false autocomplete="organization-title" kind="text"/>
        <div>
            <label for="message" class="block font-semibold">{tr.t("contact-message")}</label>
            <p id="message-help" class="text-sm text-slate-600 dark:text-slate-400">{tr.t("contact-message-help")}</p>
            <textarea
                id="message" name="message" rows="6" required=true maxlength=MESSAGE_MAX.to_string()
                aria-invalid=move || message_error.get().map(|_| "true")
                aria-describedby=move || if message_error.get().is_some() { "message-help message-error" } else { "message-help" }
                on:input=move |ev| message.value.set(event_target_value(&ev))
                on:blur=move |ev| {
                    message.value.set(event_target_value(&ev));
                    message.touched.set(true);
                }
                class="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            >{initial_message}</textarea>
            <ErrorText id="message-error" error=message_error/>
        </div>
        <TextField field=preferred label=tr.t("contact-preferred") max=PREFERRED_CONTACT_MAX required=false autocomplete="off" kind="text"/>
        <div>
            <div class="flex items-start gap-3">
                <input
                    id="consent" name="consent" type="checkbox" value="yes" required=true
                    checked=start.consent
                    on:change=move |ev| {
                        consent.set(event_target_checked(&ev));
                        consent_touched.set(true);
                    }
                    aria-invalid=move || consent_error.get().map(|_| "true")
                    aria-describedby=move || consent_error.get().map(|_| "consent-error")
                    class="mt-1 h-5 w-5 accent-accent"
                />
                <label for="consent" inner_html=consent_label></label>
            </div>
            <ErrorText id="consent-error" error=consent_error/>
        </div>
    }
}

#[component]
fn TextField(
    field: Field,
    label: String,
    max: usize,
    required: bool,
    autocomplete: &'static str,
    kind: &'static str,
) -> impl IntoView {
    let error = field.error;
    let error_id = format!("{}-error", field.name);
    let described = error_id.clone();
    view! {
        <div>
            <label for=field.name class="block font-semibold">{label}</label>
            <input
                id=field.name name=field.name type=kind required=required maxlength=max.to_string() autocomplete=autocomplete
                value=field.value.get_untracked()
                on:input=move |ev| field.value.set(event_target_value(&ev))
                on:blur=move |ev| {
                    field.value.set(event_target_value(&ev));
                    field.touched.set(true);
                }
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=move || error.get().map(|_| described.clone())
                class="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            />
            <ErrorText id=error_id error/>
        </div>
    }
}

#[component]
fn ErrorText(#[prop(into)] id: String, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| view! { <p id=id.clone() class="mt-1 font-medium text-red-700 dark:text-red-400">{e}</p> })
    }
}
