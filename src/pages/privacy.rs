//! `/privacy`: what the site stores, why, for how long, who sees it, and how to ask for deletion.

use leptos::prelude::*;

use crate::components::carry::link;

use crate::brand::Brand;
use crate::components::layout::PageSection;
use crate::components::page_meta::PageMeta;
use crate::domain::retention::Retention;
use crate::page_data::contact::PRIVACY_VERSION;

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let name = brand.name.clone();
    // The same values the retention job applies.
    let kept = use_context::<Retention>().unwrap_or_default();
    let (leads, spam, attempts) = (kept.leads.words(), kept.spam.words(), kept.login_attempts.words());
    view! {
        <PageMeta
            title="Privacy".into()
            description="What this site stores, why, for how long, who sees it, and how to ask for deletion. No tracking cookies.".into()
            path="/privacy".into()
        />
        <PageSection title="Privacy">
            <p>{format!("This site is run by {name}. This page says what it stores about you and why. Version {PRIVACY_VERSION}.")}</p>
            <h2 class="pt-4 text-xl font-semibold">"No tracking"</h2>
            <p>
                "There are no tracking cookies, no advertising and no third-party analytics. The guide counts how
                many times each step is shown and how many people finish it, per day, without cookies and without
                anything that identifies you. If you switch the colour theme, your browser remembers the choice
                locally; it is never sent to us."
            </p>
            <h2 class="pt-4 text-xl font-semibold">"Your guide answers"</h2>
            <p>
                "When you finish the guide, your answers and the recommendation are stored so that the result has a
                permanent link you can share. The answers are about your system (team size, traffic, operations),
                not about you, and are not linked to your name unless you attach the result to a message to us.
                Anyone with the link can open the result; results are kept for as long as the site runs."
            </p>
            <h2 class="pt-4 text-xl font-semibold">"When you contact us"</h2>
            <p>
                "If you send the contact form, we store your name, work email, optional company, role and preferred
                way of contact, your message, the result you attached, the page you came from, the campaign tags
                of the link you arrived by and the website that linked to us (its name only, never what you
                searched for), the time, and the version of this text you agreed to. We use them only to answer
                you and to talk about your project. Only our sales and engineering staff see them."
            </p>
            <p data-retention>
                {format!("We keep them for {leads} after our last exchange about them (your message, our reply, \
                 a note or a change of status), then erase them automatically. Messages our filter holds as \
                 suspected spam are erased after {spam}. After an erasure we keep only the fact that it happened.")}
            </p>
            <h2 class="pt-4 text-xl font-semibold">"Staff accounts"</h2>
            <p>{format!("Staff who log in to answer messages have accounts with their work email; login attempts are logged for security and deleted after {attempts}.")}</p>
            <h2 class="pt-4 text-xl font-semibold">"Deletion and your rights"</h2>
            <p>
                "You can ask us at any time what we store about you, to correct it, or to delete it: reply to any
                message from us or use the "
                <a class="underline" href=link("/contact")>"contact form"</a>
                " and say so. We erase your personal data and keep only the fact that an erasure happened."
            </p>
        </PageSection>
    }
}
