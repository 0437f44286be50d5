//! The light/dark switch in the header.
//!
//! Without JavaScript the site follows the system preference and the switch is hidden; with
//! it, a visitor can override the preference. The choice is kept in the browser (local storage,
//! never a cookie), applied before the first paint, and the switch itself is worked by the same
//! few lines of plain script inlined in every page (`src/components/page_script.js`): no page
//! needs the wasm bundle for it.

use leptos::prelude::*;

/// A toggle button ("Dark theme", pressed while the page is dark) that the page script
/// works and keeps in step with the theme shown.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let tr = crate::i18n::Tr::here();
    view! {
        <button
            type="button"
            data-theme-toggle=""
            aria-pressed="false"
            title=tr.t("theme-switch-title")
            class="rounded p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800 hidden js:inline-flex"
        >
            <span class="sr-only">{tr.t("theme-dark")}</span>
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">
                <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/>
            </svg>
        </button>
    }
}
