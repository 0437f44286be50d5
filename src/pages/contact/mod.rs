//! `/contact`: "talk to us". A plain form post that works without JavaScript; a rejected form
//! comes back with every value in place and a message beside each faulty field.

mod fields;
pub mod thanks;

use leptos::prelude::*;

use crate::i18n::carry::CarriedFields;
use leptos_router::hooks::use_query_map;

use crate::brand::Brand;
use crate::components::page_meta::PageMeta;
use crate::domain::leads::lead::Problem;
use crate::i18n::Tr;
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
    let token = crate::server::handlers::contact::issue_token();
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
                    .map(|r| (r.id, crate::i18n::Tr::here().message(&r.recommendation.summary()))),
                None => None,
            }
        },
    );
    let problems = state.errors.len();
    let tr = Tr::here();
    let within = tr.period(brand.reply_within);
    let notice = state.notice.as_ref().map(|n| tr.message(n));
    let alert =
        notice.or_else(|| (problems > 0).then(|| tr.args("contact-check-fields", &[("count", problems.into())])));
    // The words of every problem the browser's checks can find, in the page's language: one
    // line per problem, its id and its words separated by a tab (an attribute, not text, so
    // that nothing reads it out).
    let problem_words = Problem::ALL
        .iter()
        .map(|key| {
            let mut message = Problem { key, length: None }.message();
            if *key == "contact-message-long" {
                message = message.with("length", fields::LENGTH_MARK);
            }
            format!("{key}\t{}", tr.message(&message))
        })
        .collect::<Vec<_>>()
        .join("\n");
    view! {
        <PageMeta
            title=tr.t("contact-title")
            description=tr.args("contact-description", &[("within", within.clone().into())])
            path="/contact".into()
        />
        <div class="mx-auto max-w-2xl px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight">{tr.t("contact-title")}</h1>
            <p class="mt-3 text-slate-700 dark:text-slate-300">
                {tr.args("contact-lead", &[("brand", brand.name.clone().into()), ("within", within.into())])}
            </p>
            {alert.map(|alert| view! {
                <div role="alert" class="mt-6 rounded-md border border-red-700 bg-red-50 p-4 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
                    {alert}
                </div>
            })}
            <div id="contact-problems" hidden data-problems=problem_words></div>
            <form method="post" action=crate::i18n::page_lang().path("/contact") class="mt-8 space-y-6" novalidate=problems.gt(&0)>
                <input type="hidden" name="token" value=token/>
                <CarriedFields/>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        summary.await.map(|(id, summary)| view! {
                            <input type="hidden" name="result" value=id/>
                            <p class="rounded-md bg-slate-100 p-4 dark:bg-slate-900">
                                {Tr::here().t("contact-attached")} " " <strong>{summary}</strong>
                            </p>
                        })
                    })}
                </Suspense>
                <ContactFields/>
                // People never see this field; bots that fill every field do.
                <div class="hidden">
                    <label for="website">{tr.t("contact-honeypot")}</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                </div>
                <button type="submit" class="rounded-md bg-accent px-6 py-3 font-semibold text-white hover:opacity-90">{tr.t("contact-send")}</button>
            </form>
        </div>
    }
}
