//! The page for any unknown URL, answered with a real 404 status.

use leptos::prelude::*;

use leptos_meta::{Meta, Title};

use crate::i18n::carry::link;
use crate::i18n::Tr;

/// Sets the 404 status on the server and points the visitor somewhere useful.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let tr = Tr::here();
    let links = [
        ("/", "not-found-home"),
        ("/learn", "not-found-learn"),
        ("/guide", "not-found-guide"),
        ("/contact", "not-found-contact"),
    ]
    .into_iter()
    .map(|(path, key)| view! { <li><a class="underline" href=link(path)>{tr.t(key)}</a></li> })
    .collect_view();
    view! {
        <Title text=tr.t("not-found-title")/>
        <Meta name="robots" content="noindex"/>
        <div class="mx-auto max-w-3xl px-4 py-16">
            <h1 class="text-3xl font-bold tracking-tight">{tr.t("not-found-heading")}</h1>
            <p class="mt-4">{tr.t("not-found-text")}</p>
            <ul class="mt-4 list-disc space-y-1 pl-6">{links}</ul>
        </div>
    }
}
