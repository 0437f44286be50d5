//! `/privacy`: what the site stores, why, for how long, who sees it, and how to ask for deletion.

use leptos::prelude::*;

use crate::brand::Brand;
use crate::components::layout::PageSection;
use crate::components::page_meta::PageMeta;
use crate::domain::lang::Arg;
use crate::domain::leads::retention::Retention;
use crate::i18n::Tr;
use crate::page_data::contact::PRIVACY_VERSION;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let tr = Tr::here();
    // The same values the retention job applies.
    let kept = use_context::<Retention>().unwrap_or_default();
    let period = move |p| Arg::from(tr.period(p));
    let heading = move |key: &str| view! { <h2 class="pt-4 text-xl font-semibold">{tr.t(key)}</h2> };
    view! {
        <PageMeta title=tr.t("privacy-title") description=tr.t("privacy-description") path="/privacy".into()/>
        <PageSection title=tr.t("privacy-title")>
            <p>{tr.args("privacy-intro", &[("brand", brand.name.clone().into()), ("version", PRIVACY_VERSION.into())])}</p>
            {heading("privacy-tracking")}
            <p>{tr.t("privacy-tracking-text")}</p>
            {heading("privacy-answers")}
            <p>{tr.t("privacy-answers-text")}</p>
            {heading("privacy-contact")}
            <p>{tr.t("privacy-contact-text")}</p>
            <p data-retention>{tr.args("privacy-retention", &[("leads", period(kept.leads)), ("spam", period(kept.spam))])}</p>
            {heading("privacy-staff")}
            <p>{tr.args("privacy-staff-text", &[("attempts", period(kept.login_attempts))])}</p>
            {heading("privacy-rights")}
            <p inner_html=tr.html("privacy-rights-text", &[])></p>
        </PageSection>
    }
}
