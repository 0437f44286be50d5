//! `/privacy`: Privacy.

use leptos::prelude::*;

use crate::components::layout::PageSection;
use crate::components::page_meta::PageMeta;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageMeta
            title="Privacy".into()
            description="What this site stores, why, for how long, and how to ask for deletion.".into()
            path="/privacy".into()
        />
        <PageSection title="Privacy">
            <p>"This page is being written and arrives soon."</p>
        </PageSection>
    }
}
