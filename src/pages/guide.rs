//! `/guide`: The decision guide.

use leptos::prelude::*;

use crate::components::layout::PageSection;
use crate::components::page_meta::PageMeta;

#[component]
pub fn GuidePage() -> impl IntoView {
    view! {
        <PageMeta
            title="The decision guide".into()
            description="Answer questions about your team, your load and your operations, and get a recommendation for how to organise and how to run your software.".into()
            path="/guide".into()
        />
        <PageSection title="The decision guide">
            <p>"This page is being written and arrives soon."</p>
        </PageSection>
    }
}
