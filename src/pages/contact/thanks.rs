//! `/contact/thanks`: the acknowledgement, shown only after the lead is stored.

use leptos::prelude::*;

use leptos_router::hooks::use_query_map;

use crate::brand::Brand;
use crate::components::page_meta::PageMeta;
use crate::i18n::carry::link;
use crate::i18n::Tr;

/// When a lead with this reference was received and when the reply is due, written for people,
/// and whether its booking link (`book`, the token the form's post gave) may book a call now.
#[server]
pub async fn lead_received(
    reference: String,
    book: Option<String>,
) -> Result<Option<(String, String, bool)>, ServerFnError> {
    use crate::server::http::state::AppState;
    let state = use_context::<AppState>().ok_or_else(|| ServerFnError::new("no state"))?;
    let Some(reference) = crate::domain::ids::LeadReference::parse(&reference) else { return Ok(None) };
    let received = state.stores.leads.received_at(&reference).await.map_err(|error| {
        use crate::server::http::failure::{for_server_fn, Cause};
        for_server_fn(Cause::unavailable("looking up a lead reference", error), "the reference could not be looked up")
    })?;
    let promise = state.settings.reply_promise();
    let language = crate::i18n::locales::locales().language(crate::i18n::page_lang());
    let Some(at) = received else { return Ok(None) };
    let bookable = match book.filter(|token| token.starts_with(&format!("{}.", reference.as_str()))) {
        Some(token) => crate::server::handlers::booking::can_book(&state, &token).await.unwrap_or_else(|error| {
            tracing::warn!(%error, "could not tell whether a call can be booked");
            false
        }),
        None => false,
    };
    Ok(Some((language.moment_with_weekday(at), language.moment_with_weekday(promise.due(at)), bookable)))
}

#[component]
pub fn ThanksPage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let query = use_query_map().get_untracked();
    let reference = query.get("ref").unwrap_or_default();
    let book = query.get("book").filter(|t| !t.is_empty());
    let shown = reference.clone();
    let booking_path = book.clone().map(|token| crate::i18n::page_lang().path(&format!("/book/{token}")));
    let received = Resource::new_blocking(move || (reference.clone(), book.clone()), |(r, b)| lead_received(r, b));
    let tr = Tr::here();
    view! {
        <PageMeta title=tr.t("thanks-title") description=tr.t("thanks-description") path="/contact/thanks".into()/>
        <div class="mx-auto max-w-2xl px-4 py-10">
            <Suspense fallback=|| ()>
                {move || {
                    let shown = shown.clone();
                    let booking_path = booking_path.clone();
                    let within = tr.period(brand.reply_within);
                    Suspend::new(async move {
                        match received.await {
                            Ok(Some((at, reply_by, bookable))) => view! {
                                <h1 class="text-3xl font-bold tracking-tight">{tr.t("thanks-heading")}</h1>
                                <p class="mt-6 text-lg">{tr.t("thanks-reference")} " " <strong class="font-mono">{shown}</strong></p>
                                <p class="mt-3">{tr.args("thanks-reply-by", &[("received", at.into()), ("reply_by", reply_by.into()), ("within", within.into())])}</p>
                                {booking_path.filter(|_| bookable).map(|path| view! {
                                    <p class="mt-6">
                                        {tr.t("thanks-book")} " "
                                        <a class="rounded-md bg-accent px-4 py-2 font-semibold text-white hover:opacity-90" href=path>{tr.t("thanks-book-link")}</a>
                                    </p>
                                })}
                                <p class="mt-6"><a class="underline" href=link("/learn")>{tr.t("thanks-learn")}</a></p>
                            }.into_any(),
                            _ => {
                                #[cfg(feature = "ssr")]
                                if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                                    response.set_status(axum::http::StatusCode::NOT_FOUND);
                                }
                                view! {
                                    <h1 class="text-3xl font-bold tracking-tight">{tr.t("thanks-unknown")}</h1>
                                    <p class="mt-4" inner_html=tr.html("thanks-unknown-text", &[])></p>
                                }.into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
