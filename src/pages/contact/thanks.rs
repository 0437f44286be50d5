//! `/contact/thanks`: the acknowledgement, shown only after the lead is stored.

use leptos::prelude::*;

use crate::components::carry::link;
use leptos_router::hooks::use_query_map;

use crate::brand::Brand;
use crate::components::page_meta::PageMeta;

/// When a lead with this reference was received and when the reply is due, written for people.
#[server]
pub async fn lead_received(reference: String) -> Result<Option<(String, String)>, ServerFnError> {
    use crate::server::state::AppState;
    let state = use_context::<AppState>().ok_or_else(|| ServerFnError::new("no state"))?;
    let Some(reference) = crate::domain::ids::LeadReference::parse(&reference) else { return Ok(None) };
    let received = state.stores.leads.received_at(&reference).await.map_err(|error| {
        tracing::error!(%error, "looking up a lead reference failed");
        ServerFnError::new("the reference could not be looked up")
    })?;
    let promise = state.settings.reply_promise();
    Ok(received.map(|at| {
        let reply_by = promise.due(at);
        (at.format("%A %-d %B %Y, %H:%M UTC").to_string(), reply_by.format("%A %-d %B %Y, %H:%M UTC").to_string())
    }))
}

#[component]
pub fn ThanksPage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let reference = use_query_map().get_untracked().get("ref").unwrap_or_default();
    let shown = reference.clone();
    let received = Resource::new_blocking(move || reference.clone(), lead_received);
    view! {
        <PageMeta
            title="Thank you".into()
            description="Your message has reached us.".into()
            path="/contact/thanks".into()
        />
        <div class="mx-auto max-w-2xl px-4 py-10">
            <Suspense fallback=|| ()>
                {move || {
                    let shown = shown.clone();
                    let within = brand.reply_within.words();
                    Suspend::new(async move {
                        match received.await {
                            Ok(Some((at, reply_by))) => view! {
                                <h1 class="text-3xl font-bold tracking-tight">"Thank you, your message has reached us"</h1>
                                <p class="mt-6 text-lg">"Your reference: " <strong class="font-mono">{shown}</strong></p>
                                <p class="mt-3">{format!("We received it on {at}. A senior engineer will reply by {reply_by}, within {within}.")}</p>
                                <p class="mt-6"><a class="underline" href=link("/learn")>"Read the explainer while you wait"</a></p>
                            }.into_any(),
                            _ => {
                                #[cfg(feature = "ssr")]
                                if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                    response.set_status(axum::http::StatusCode::NOT_FOUND);
                                }
                                view! {
                                    <h1 class="text-3xl font-bold tracking-tight">"We could not find that reference"</h1>
                                    <p class="mt-4">"If you sent us a message, it is safe with us; "<a class="underline" href=link("/contact")>"write again"</a>" if you are unsure."</p>
                                }.into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
