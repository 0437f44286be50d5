//! The page for any unknown URL, answered with a real 404 status.

use leptos::prelude::*;

use crate::components::carry::link;
use leptos_meta::{Meta, Title};

/// Sets the 404 status on the server and points the visitor somewhere useful.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found"/>
        <Meta name="robots" content="noindex"/>
        <div class="mx-auto max-w-3xl px-4 py-16">
            <h1 class="text-3xl font-bold tracking-tight">"This page does not exist"</h1>
            <p class="mt-4">
                "The link may be old or mistyped. These pages are here for you:"
            </p>
            <ul class="mt-4 list-disc space-y-1 pl-6">
                <li><a class="underline" href=link("/")>"the home page"</a></li>
                <li><a class="underline" href=link("/learn")>"microservices and serverless, explained"</a></li>
                <li><a class="underline" href=link("/guide")>"the decision guide"</a></li>
                <li><a class="underline" href=link("/contact")>"talk to us"</a></li>
            </ul>
        </div>
    }
}
