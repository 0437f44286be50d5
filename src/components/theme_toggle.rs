//! The light/dark switch: the one island every page carries.
//!
//! Without JavaScript the site follows the system preference; with it, a visitor can override
//! it. The choice is kept in the browser (local storage, never a cookie) and applied before the
//! first paint by `public/theme.js`.

use leptos::prelude::*;

/// A button that flips between light and dark and remembers the choice in this browser.
#[island]
pub fn ThemeToggle() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let toggle = move |_| {
        #[cfg(feature = "hydrate")]
        browser::flip_theme();
    };
    view! {
        <button
            type="button"
            on:click=toggle
            data-hydrated=move || hydrated.get().then_some("true")
            title="Switch between light and dark"
            class="rounded p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800 hidden js:inline-flex"
        >
            <span class="sr-only">"Switch between light and dark theme"</span>
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">
                <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z"/>
            </svg>
        </button>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::{document, window};

    const KEY: &str = "theme";

    fn system_prefers_dark() -> bool {
        window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .map(|query| query.matches())
            .unwrap_or(false)
    }

    pub fn flip_theme() {
        let Some(root) = document().document_element() else {
            return;
        };
        let current_is_dark = match root.get_attribute("data-theme").as_deref() {
            Some("dark") => true,
            Some("light") => false,
            _ => system_prefers_dark(),
        };
        let next = if current_is_dark { "light" } else { "dark" };
        let _ = root.set_attribute("data-theme", next);
        if let Ok(Some(storage)) = window().local_storage() {
            let _ = storage.set_item(KEY, next);
        }
    }
}
