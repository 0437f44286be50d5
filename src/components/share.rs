//! Copy-link and print buttons for a result. Both need the browser, and both are a few lines of
//! the page script inlined in every page (`src/components/page_script.js`), so a result page
//! loads no wasm for them. Without JavaScript they stay hidden and the link is shown as text
//! beside them.

use leptos::prelude::*;

/// "Copy link" (copies the absolute address of `path`, a path on this site) and "Print".
#[component]
pub fn ShareButtons(path: String) -> impl IntoView {
    let tr = crate::i18n::Tr::here();
    let button =
        "hidden js:inline-block rounded-md border border-slate-400 px-5 py-2 font-semibold dark:border-slate-600";
    view! {
        <div class="flex flex-wrap gap-3">
            <button
                type="button"
                class=button
                data-copy-link=path
                data-copied=tr.t("share-copied")
                data-blocked=tr.t("share-blocked")
            >
                {tr.t("share-copy")}
            </button>
            <button type="button" class=button data-print="">{tr.t("share-print")}</button>
            <span role="status" class="self-center text-sm"></span>
        </div>
    }
}
