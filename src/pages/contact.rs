//! `/contact`: Talk to us.

use leptos::prelude::*;

use crate::components::layout::PageSection;
use crate::components::page_meta::PageMeta;

#[component]
pub fn ContactPage() -> impl IntoView {
    view! {
        <PageMeta
            title="Talk to us".into()
            description="Tell us what you are building; a senior engineer replies within a day.".into()
            path="/contact".into()
        />
        <PageSection title="Talk to us">
            <p>"This page is being written and arrives soon."</p>
        </PageSection>
    }
}
