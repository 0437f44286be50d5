//! `/contact`: "talk to us". A plain form post that works without JavaScript; a rejected form
//! comes back with every value in place and a message beside each faulty field.

mod fields;
pub mod thanks;

use leptos::prelude::*;

use crate::components::carry::CarriedFields;
use leptos_router::hooks::use_query_map;

use crate::brand::Brand;
use crate::components::page_meta::PageMeta;
use crate::page_data::contact::ContactFormState;
use crate::pages::guide::result::load_result;

use fields::ContactFields;

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
                Some(id) => load_result(id, false)
                    .await
                    .ok()
                    .flatten()
                    .map(|r| (r.id, crate::components::i18n::Tr::here().message(&r.recommendation.summary()))),
                None => None,
            }
        },
    );
    let problems = state.errors.len();
    let notice = state.notice.clone();
    view! {
        <PageMeta
            title="Talk to us".into()
            description=format!("Tell us what you are building; a senior engineer replies within {}. The code stays yours.", brand.reply_within.words())
            path="/contact".into()
        />
        <div class="mx-auto max-w-2xl px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">"Talk to us"</h1>
            <p class="mt-3 text-slate-700 dark:text-slate-300">
                {format!("Tell us what you are building. A senior engineer at {} replies within {}; the code we write stays yours.", brand.name, brand.reply_within.words())}
            </p>
            {(problems > 0 || notice.is_some()).then(|| view! {
                <div role="alert" class="mt-6 rounded-md border border-red-700 bg-red-50 p-4 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
                    {notice.clone().unwrap_or_else(|| format!(
                        "Please check the {} marked below; everything you typed is still here.",
                        if problems == 1 { "field".to_string() } else { format!("{problems} fields") }
                    ))}
                </div>
            })}
            <form method="post" action=crate::components::i18n::page_lang().path("/contact") class="mt-8 space-y-6" novalidate=problems.gt(&0)>
                <input type="hidden" name="token" value=token/>
                <CarriedFields/>
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
                <ContactFields/>
                // People never see this field; bots that fill every field do.
                <div class="hidden">
                    <label for="website">"Leave this field empty"</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                </div>
                <button type="submit" class="rounded-md bg-accent px-6 py-3 font-semibold text-white hover:opacity-90">"Send"</button>
            </form>
        </div>
    }
}
