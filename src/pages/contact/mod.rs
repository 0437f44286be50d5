//! `/contact`: "talk to us". A plain form post that works without JavaScript; a rejected form
//! comes back with every value in place and a message beside each faulty field.

pub mod thanks;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::brand::Brand;
use crate::components::page_meta::PageMeta;
use crate::domain::answers::FieldError;
use crate::domain::lead::{LeadInput, COMPANY_MAX, EMAIL_MAX, MESSAGE_MAX, NAME_MAX, PREFERRED_CONTACT_MAX, ROLE_MAX};
use crate::pages::guide::result::load_result;

/// The form as it comes back after a rejected post.
#[derive(Clone, Debug, Default)]
pub struct ContactFormState {
    pub input: LeadInput,
    /// The attached guide result, if any.
    pub result: Option<String>,
    pub errors: Vec<FieldError>,
    /// A message about the whole form (e.g. "please send it again").
    pub notice: Option<String>,
}

impl ContactFormState {
    fn error(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(|e| e.message.clone())
    }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let state = use_context::<ContactFormState>().unwrap_or_else(|| ContactFormState {
        result: use_query_map().get_untracked().get("result").filter(|r| !r.is_empty()),
        ..ContactFormState::default()
    });
    #[cfg(feature = "ssr")]
    let token = crate::server::contact::issue_token();
    #[cfg(not(feature = "ssr"))]
    let token = String::new();
    let attached = state.result.clone();
    let summary = Resource::new_blocking(
        move || attached.clone(),
        |id| async move {
            match id {
                Some(id) => load_result(id, false).await.ok().flatten().map(|r| (r.id, r.recommendation.summary())),
                None => None,
            }
        },
    );
    let problems = state.errors.len();
    let notice = state.notice.clone();
    let s = state.clone();
    view! {
        <PageMeta
            title="Talk to us".into()
            description=format!("Tell us what you are building; a senior engineer replies within {} hours. The code stays yours.", brand.reply_within_hours)
            path="/contact".into()
        />
        <div class="mx-auto max-w-2xl px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Talk to us"</h1>
            <p class="mt-3 text-slate-700 dark:text-slate-300">
                {format!("Tell us what you are building. A senior engineer at {} replies within {} hours; the code we write stays yours.", brand.name, brand.reply_within_hours)}
            </p>
            {(problems > 0 || notice.is_some()).then(|| view! {
                <div role="alert" class="mt-6 rounded-md border border-red-700 bg-red-50 p-4 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
                    {notice.clone().unwrap_or_else(|| format!(
                        "Please check the {} marked below; everything you typed is still here.",
                        if problems == 1 { "field".to_string() } else { format!("{problems} fields") }
                    ))}
                </div>
            })}
            <form method="post" action="/contact" class="mt-8 space-y-6" novalidate=problems.gt(&0)>
                <input type="hidden" name="token" value=token/>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        summary.await.map(|(id, summary)| view! {
                            <input type="hidden" name="result" value=id/>
                            <p class="rounded-md bg-slate-100 p-4 dark:bg-slate-900">
                                "We will discuss your guide result: " <strong>{summary}</strong> "."
                            </p>
                        })
                    })}
                </Suspense>
                <TextField name="name" label="Your name" value=s.input.name.clone() error=s.error("name") max=NAME_MAX required=true autocomplete="name"/>
                <TextField name="email" label="Work email" value=s.input.email.clone() error=s.error("email") max=EMAIL_MAX required=true autocomplete="email" kind="email"/>
                <TextField name="company" label="Company (optional)" value=s.input.company.clone() error=s.error("company") max=COMPANY_MAX autocomplete="organization"/>
                <TextField name="role" label="Your role (optional)" value=s.input.role.clone() error=s.error("role") max=ROLE_MAX autocomplete="organization-title"/>
                <div>
                    <label for="message" class="block font-semibold">"What are you building?"</label>
                    <p id="message-help" class="text-sm text-slate-600 dark:text-slate-400">"A few sentences are plenty: the product, the team, what worries you."</p>
                    <textarea
                        id="message" name="message" rows="6" required=true maxlength=MESSAGE_MAX.to_string()
                        aria-invalid=s.error("message").map(|_| "true")
                        aria-describedby=if s.error("message").is_some() { "message-help message-error" } else { "message-help" }
                        class="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
                    >{textarea_text(&s.input.message)}</textarea>
                    <FieldErrorText id="message-error" error=s.error("message")/>
                </div>
                <TextField name="preferred_contact" label="How should we reach you? (optional)" value=s.input.preferred_contact.clone() error=s.error("preferred_contact") max=PREFERRED_CONTACT_MAX autocomplete="off"/>
                // People never see this field; bots that fill every field do.
                <div class="hidden">
                    <label for="website">"Leave this field empty"</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                </div>
                <div>
                    <div class="flex items-start gap-3">
                        <input
                            id="consent" name="consent" type="checkbox" value="yes" required=true checked=s.input.consent
                            aria-invalid=s.error("consent").map(|_| "true")
                            aria-describedby=s.error("consent").map(|_| "consent-error")
                            class="mt-1 h-5 w-5 accent-accent"
                        />
                        <label for="consent">
                            "You may store what I send and contact me about it, as described in the "
                            <a href="/privacy" class="underline">"privacy notice"</a> "."
                        </label>
                    </div>
                    <FieldErrorText id="consent-error" error=s.error("consent")/>
                </div>
                <button type="submit" class="rounded-md bg-accent px-6 py-3 font-semibold text-white hover:opacity-90">"Send"</button>
            </form>
        </div>
    }
}

/// The text inside a `<textarea>`, escaped here because the renderer writes a textarea's
/// children unescaped: a message containing `</textarea>` must stay text.
pub fn textarea_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[component]
fn TextField(
    name: &'static str,
    label: &'static str,
    value: String,
    error: Option<String>,
    max: usize,
    #[prop(optional)] required: bool,
    autocomplete: &'static str,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let described = error.is_some().then(|| error_id.clone());
    view! {
        <div>
            <label for=name class="block font-semibold">{label}</label>
            <input
                id=name name=name type=kind value=value required=required maxlength=max.to_string() autocomplete=autocomplete
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=described
                class="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
            />
            <FieldErrorText id=error_id error/>
        </div>
    }
}

#[component]
fn FieldErrorText(#[prop(into)] id: String, error: Option<String>) -> impl IntoView {
    error.map(|e| view! { <p id=id class="mt-1 font-medium text-red-700 dark:text-red-400">{e}</p> })
}
