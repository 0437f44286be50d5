//! `/learn`: Microservices and serverless, explained.

use leptos::prelude::*;

use crate::components::layout::PageSection;
use crate::components::page_meta::PageMeta;

#[component]
pub fn LearnPage() -> impl IntoView {
    view! {
        <PageMeta
            title="Microservices and serverless, explained".into()
            description="How microservices (organisation) and serverless (execution) differ, how they combine, and why starting simpler usually wins.".into()
            path="/learn".into()
        />
        <PageSection title="Microservices and serverless, explained">
            <p>"This page is being written and arrives soon."</p>
        </PageSection>
    }
}
