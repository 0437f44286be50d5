//! The contact form's fields: an island, so that with JavaScript each field is checked as the
//! visitor leaves it (with the very checks the server makes); without JavaScript the same
//! markup is a plain form and the server's messages appear after sending.
//!
//! The page's inputs stay the source of truth: nothing writes values into them, so whatever a
//! visitor typed before the island woke up is never overwritten.

use leptos::prelude::*;

use crate::domain::field_error::FieldError;
use crate::domain::lead::{
    consent_problem, field_problem, LeadInput, COMPANY_MAX, EMAIL_MAX, MESSAGE_MAX, NAME_MAX, PREFERRED_CONTACT_MAX,
    ROLE_MAX,
};

/// One text field's state: its value, whether the visitor has left it, the server's message.
#[derive(Clone, Copy)]
struct Field {
    name: &'static str,
    value: RwSignal<String>,
    touched: RwSignal<bool>,
    server_error: RwSignal<Option<String>>,
}

impl Field {
    fn new(name: &'static str, value: &str, errors: &[FieldError]) -> Self {
        Field {
            name,
            value: RwSignal::new(value.to_string()),
            touched: RwSignal::new(false),
            server_error: RwSignal::new(errors.iter().find(|e| e.field == name).map(|e| e.message.clone())),
        }
    }

    /// The message to show: the live check once the visitor has left the field, else the server's.
    fn error(self) -> Signal<Option<String>> {
        Signal::derive(move || {
            if self.touched.get() {
                field_problem(self.name, &self.value.get())
            } else {
                self.server_error.get()
            }
        })
    }
}

#[island]
pub fn ContactFields(
    input: LeadInput,
    errors: Vec<FieldError>,
    /// The privacy notice's address, with the visit's attribution carried on.
    privacy: String,
) -> impl IntoView {
    let name = Field::new("name", &input.name, &errors);
    let email = Field::new("email", &input.email, &errors);
    let company = Field::new("company", &input.company, &errors);
    let role = Field::new("role", &input.role, &errors);
    let message = Field::new("message", &input.message, &errors);
    let preferred = Field::new("preferred_contact", &input.preferred_contact, &errors);
    let consent = RwSignal::new(input.consent);
    let consent_touched = RwSignal::new(false);
    let consent_server = errors.iter().find(|e| e.field == "consent").map(|e| e.message.clone());
    let consent_error =
        Signal::derive(
            move || {
                if consent_touched.get() {
                    consent_problem(consent.get())
                } else {
                    consent_server.clone()
                }
            },
        );
    let message_error = message.error();
    let initial_message = crate::components::textarea::textarea_text(&input.message);
    view! {
        <TextField field=name label="Your name" max=NAME_MAX required=true autocomplete="name" kind="text"/>
        <TextField field=email label="Work email" max=EMAIL_MAX required=true autocomplete="email" kind="email"/>
        <TextField field=company label="Company (optional)" max=COMPANY_MAX required=false autocomplete="organization" kind="text"/>
        <TextField field=role label="Your role (optional)" max=ROLE_MAX required=false autocomplete="organization-title" kind="text"/>
        <div>
            <label for="message" class="block font-semibold">"What are you building?"</label>
            <p id="message-help" class="text-sm text-slate-600 dark:text-slate-400">"A few sentences are plenty: the product, the team, what worries you."</p>
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
        <TextField field=preferred label="How should we reach you? (optional)" max=PREFERRED_CONTACT_MAX required=false autocomplete="off" kind="text"/>
        <div>
            <div class="flex items-start gap-3">
                <input
                    id="consent" name="consent" type="checkbox" value="yes" required=true
                    checked=input.consent
                    on:change=move |ev| {
                        consent.set(event_target_checked(&ev));
                        consent_touched.set(true);
                    }
                    aria-invalid=move || consent_error.get().map(|_| "true")
                    aria-describedby=move || consent_error.get().map(|_| "consent-error")
                    class="mt-1 h-5 w-5 accent-accent"
                />
                <label for="consent">
                    "You may store what I send and contact me about it, as described in the "
                    <a href=privacy class="underline">"privacy notice"</a> "."
                </label>
            </div>
            <ErrorText id="consent-error" error=consent_error/>
        </div>
    }
}

#[component]
fn TextField(
    field: Field,
    label: &'static str,
    max: usize,
    required: bool,
    autocomplete: &'static str,
    kind: &'static str,
) -> impl IntoView {
    let error = field.error();
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
