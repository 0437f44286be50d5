//! Copy-link and print buttons for a result: an island, since both need the browser. Without
//! JavaScript they stay hidden and the link is shown as text beside them.

use leptos::prelude::*;

/// "Copy link" and "Print" for the page at `path` (a path on this site).
#[island]
pub fn ShareButtons(path: String) -> impl IntoView {
    let status = RwSignal::new(String::new());
    #[cfg(not(feature = "hydrate"))]
    let _ = &path;
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let origin = window().location().origin().unwrap_or_default();
            let url = format!("{origin}{}", path);
            let promise = window().navigator().clipboard().write_text(&url);
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => status.set("Link copied.".into()),
                    Err(_) => status.set("Copying is blocked here: copy the link shown below.".into()),
                }
            });
        }
    };
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        let _ = window().print();
    };
    let button =
        "hidden js:inline-block rounded-md border border-slate-400 px-5 py-2 font-semibold dark:border-slate-600";
    view! {
        <div class="flex flex-wrap gap-3">
            <button type="button" class=button on:click=copy>"Copy link"</button>
            <button type="button" class=button on:click=print>"Print"</button>
            <span role="status" class="self-center text-sm">{move || status.get()}</span>
        </div>
    }
}
