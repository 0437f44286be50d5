//! The architecture decision guide: a public site that explains microservices (how a system is
//! organised) versus serverless (how it runs), a guide that recommends both from a visitor's
//! answers, and the inbox where staff answer the people who ask to talk.
//!
//! One crate, built twice: the `ssr` feature builds the server binary, `hydrate` builds the small
//! browser bundle that wakes up the interactive islands. Everything else is plain server-rendered
//! HTML that works without JavaScript.

// Deeply nested view types (the result page) exceed the default limit in release builds,
// where component types are not erased.
#![recursion_limit = "256"]

pub mod app;
pub mod brand;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod page_data;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod startup;

/// Entry point of the browser bundle: wakes up the `#[island]` components and nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
