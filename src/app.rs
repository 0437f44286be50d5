//! The HTML shell, the router and the page layout every public page shares.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::brand::Brand;
use crate::components::layout::{Footer, Header, SkipLink};
use crate::page_data::assets::Assets;
use crate::pages::{
    book::BookPage,
    cases::CasesPage,
    contact::{thanks::ThanksPage, ContactPage},
    guide::{result::ResultPage, GuidePage},
    home::HomePage,
    inbox::{
        account::AccountPage,
        dashboard::DashboardPage,
        lead::LeadPage,
        login::{LoginCodePage, LoginPage},
        model::{cases::CasesPageView, check::CheckPageView, ModelPageView},
        unmatched::UnmatchedPage,
        users::UsersPage,
        InboxPage,
    },
    learn::LearnPage,
    not_found::NotFoundPage,
    privacy::PrivacyPage,
};

/// Whether the page at `path` has islands (the contact form's checks). Only these pages load
/// the browser bundle; every other page is HTML, CSS and the page script. The browser tests
/// check this list against what each page renders.
pub fn page_has_islands(path: &str) -> bool {
    path == "/contact"
}

/// The one script every page runs, inlined in the head: before the first paint it marks that
/// scripts run (the CSS then shows the script-only controls) and applies a theme the visitor
/// chose earlier; then it works the theme switch and a result's copy and print buttons. Inline,
/// so that no page waits for a script request (as a file of its own it cost about a tenth of a
/// second of the largest paint on a throttled phone).
static PAGE_SCRIPT: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| without_comments(include_str!("components/page_script.js")));

/// A script without its comment lines and indentation: what every page carries, as small as it
/// can be without a minifier.
fn without_comments(script: &str) -> String {
    script
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The document around every page: head, hydration scripts for the islands (on the pages that
/// have them), stylesheet.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    // The accent is validated as `#rrggbb` when settings are read, so it is safe inside CSS.
    let brand_css =
        format!(":root{{--brand-accent:{};--brand-accent-on-dark:{}}}", brand.accent, brand.accent_on_dark());
    // Each response has its own nonce; the inline style and scripts carry it, and the page's
    // Content Security Policy allows exactly those.
    let nonce = leptos::nonce::use_nonce();
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(response)) = (&nonce, use_context::<leptos_axum::ResponseOptions>()) {
        if let Ok(policy) = axum::http::HeaderValue::from_str(&crate::server::http::security::page_policy(nonce)) {
            response.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, policy);
        }
    }
    #[cfg(feature = "ssr")]
    let islands = use_context::<axum::http::request::Parts>().is_none_or(|parts| page_has_islands(parts.uri.path()));
    #[cfg(not(feature = "ssr"))]
    let islands = true;
    if !islands {
        // What the hydration scripts do for the islands mode: the page around islands is
        // rendered without hydration markers.
        if let Some(context) = Owner::current_shared_context() {
            context.set_is_hydrating(false);
        }
    }
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::page_lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <script nonce=nonce.clone() inner_html=PAGE_SCRIPT.as_str()></script>
                <style nonce=nonce.clone()>{brand_css}</style>
                <AutoReload options=options.clone()/>
                {match use_context::<Assets>() {
                    Some(assets) => view! {
                        {islands.then(|| view! { <IslandScripts assets=assets.clone() nonce=nonce.clone()/> })}
                        <link rel="stylesheet" id="leptos" href=assets.stylesheet/>
                    }
                    .into_any(),
                    None => view! {
                        {islands.then(|| view! { <HydrationScripts options=options.clone() islands=true/> })}
                        <HashedStylesheet options id="leptos"/>
                    }
                    .into_any(),
                }}
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <MetaTags/>
            </head>
            <body class="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
                <App/>
            </body>
        </html>
    }
}

/// What wakes a page's islands: hints that fetch the loader and the bundle early, and a small
/// script that runs them once the browser is idle (leptos's own `HydrationScripts` sends a
/// larger one, for islands nested in each other's children, which this site has none of, and
/// reads the build's hash file on every page).
#[component]
fn IslandScripts(assets: Assets, nonce: Option<leptos::nonce::Nonce>) -> impl IntoView {
    let script = format!("{}({:?},{:?});", ISLAND_LOADER.as_str(), assets.loader, assets.bundle);
    view! {
        <link rel="modulepreload" href=assets.loader/>
        <link rel="preload" href=assets.bundle r#as="fetch" r#type="application/wasm" crossorigin=""/>
        <script type="module" nonce=nonce inner_html=script></script>
    }
}

static ISLAND_LOADER: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| without_comments(include_str!("components/island_loader.js")));

/// The router and the layout around each page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <SkipLink/>
            <div class="flex min-h-screen flex-col">
                <Header/>
                <main id="main" tabindex="-1" class="flex-1 focus:outline-none">
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("") view=HomePage/>
                        <Route path=path!("learn") view=LearnPage/>
                        <Route path=path!("learn/cases") view=CasesPage/>
                        <Route path=path!("guide") view=GuidePage/>
                        <Route path=path!("guide/result/:id") view=ResultPage ssr=SsrMode::Async/>
                        <Route path=path!("contact") view=ContactPage ssr=SsrMode::Async/>
                        <Route path=path!("contact/thanks") view=ThanksPage ssr=SsrMode::Async/>
                        <Route path=path!("book/:token") view=BookPage ssr=SsrMode::Async/>
                        <Route path=path!("privacy") view=PrivacyPage/>
                        // The staff area: rendered whole before it is sent (the session check
                        // and the data come first), never cached.
                        <Route path=path!("inbox") view=InboxPage ssr=SsrMode::Async/>
                        <Route path=path!("inbox/login") view=LoginPage ssr=SsrMode::Async/>
                        <Route path=path!("inbox/login/code") view=LoginCodePage ssr=SsrMode::Async/>
                        <Route path=path!("inbox/account") view=AccountPage ssr=SsrMode::Async/>
                        <Route path=path!("inbox/dashboard") view=DashboardPage ssr=SsrMode::Async/>
                        <Route path=path!("inbox/users") view=UsersPage ssr=SsrMode::Async/>
                        <Route path=path!("inbox/unmatched") view=UnmatchedPage ssr=SsrMode::Async/>
                        <Route path=path!("inbox/model") view=ModelPageView ssr=SsrMode::Async/>
                        <Route path=path!("inbox/model/cases") view=CasesPageView ssr=SsrMode::Async/>
                        <Route path=path!("inbox/model/checks/:id") view=CheckPageView ssr=SsrMode::Async/>
                        <Route path=path!("inbox/leads/:reference") view=LeadPage ssr=SsrMode::Async/>
                    </Routes>
                </main>
                <Footer/>
            </div>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use super::{page_has_islands, without_comments};

    #[test]
    fn the_page_script_is_sent_without_its_comments() {
        let script = "// what it does\n(function () {\n  // a step\n  var a = \"//\";\n\n})();\n";
        assert_eq!(without_comments(script), "(function () {\nvar a = \"//\";\n})();");
    }

    #[test]
    fn only_the_contact_form_loads_the_browser_bundle() {
        assert!(page_has_islands("/contact"));
        for path in [
            "/guide/result/abc-DEF_123",
            "/",
            "/learn",
            "/learn/cases",
            "/guide",
            "/privacy",
            "/contact/thanks",
            "/guide/result/",
            "/guide/result/a/b",
            "/inbox",
            "/inbox/login",
        ] {
            assert!(!page_has_islands(path), "{path}");
        }
    }
}
