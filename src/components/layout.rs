//! Header, footer and skip link: the frame around every page.

use leptos::prelude::*;

use crate::brand::Brand;
use crate::components::theme_toggle::ThemeToggle;
use crate::domain::leads::attribution::KEYS;
use crate::i18n::carry::{current, link};
use crate::i18n::{Languages, Tr};
use crate::page_data::url::{carry, encode};

/// The first focusable element: lets keyboard users jump past the navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    let tr = Tr::here();
    view! {
        <a
            href="#main"
            class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900 focus:shadow-lg"
        >
            {tr.t("skip-to-content")}
        </a>
    }
}

/// Whether the page being shown belongs to the staff area (which has its own navigation).
fn in_staff_area() -> bool {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    path == "/inbox" || path.starts_with("/inbox/")
}

/// The site header: the brand, the three places a visitor goes, the other languages and the
/// theme switch. In the staff area: the brand and "Inbox" only.
#[component]
pub fn Header() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    let tr = Tr::here();
    if in_staff_area() {
        return view! {
            <header class="border-b border-slate-200 dark:border-slate-800 print:hidden">
                <div class="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
                    <p class="text-lg font-bold tracking-tight">
                        <a href="/inbox">{brand.name}" · Inbox"</a>
                    </p>
                    <ThemeToggle/>
                </div>
            </header>
        }
        .into_any();
    }
    let class = "rounded px-2 py-1 font-medium text-slate-700 hover:text-slate-950 hover:underline \
                 aria-[current=page]:text-slate-950 aria-[current=page]:underline \
                 dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:text-white";
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    // The page a link leads to, or one below it, is the current one.
    let current = move |to: &str| (path == to || path.starts_with(&format!("{to}/"))).then_some("page");
    view! {
        <header class="border-b border-slate-200 dark:border-slate-800 print:hidden">
            <div class="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
                <a href=link("/") class="text-lg font-bold tracking-tight text-slate-950 dark:text-white">
                    {brand.name}
                </a>
                <div class="flex items-center gap-2">
                    <nav aria-label=tr.t("nav-main")>
                        <ul class="flex flex-wrap items-center gap-x-1 text-sm sm:gap-x-3 sm:text-base">
                            <li><a href=link("/learn") class=class aria-current=current("/learn")>{tr.t("nav-learn")}</a></li>
                            <li><a href=link("/guide") class=class aria-current=current("/guide")>{tr.t("nav-guide")}</a></li>
                            <li><a href=link("/contact") class=class aria-current=current("/contact")>{tr.t("nav-contact")}</a></li>
                        </ul>
                    </nav>
                    <LanguageSwitch/>
                    <ThemeToggle/>
                </div>
            </div>
        </header>
    }
    .into_any()
}

/// The site footer: who runs the site, the promise, and the privacy notice.
#[component]
pub fn Footer() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
    if in_staff_area() {
        return ().into_any();
    }
    let tr = Tr::here();
    let promise = tr.args(
        "footer-promise",
        &[("brand", brand.name.clone().into()), ("within", tr.period(brand.reply_within).into())],
    );
    view! {
        <footer class="mt-16 border-t border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400 print:hidden">
            <div class="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 sm:flex-row sm:justify-between">
                <p>{promise}</p>
                <nav aria-label=tr.t("footer-nav")>
                    <ul class="flex gap-4">
                        <li><a class="underline" href=link("/privacy")>{tr.t("footer-privacy")}</a></li>
                        <li><a class="underline" href=link("/contact")>{tr.t("footer-contact")}</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
    .into_any()
}

/// Links to the same page in every other language, answers in the address included (the guide
/// keeps them there), each named in its own language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let here = Tr::here();
    let languages = use_context::<Languages>().unwrap_or_default().0;
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    // The query without the visit's attribution, which `current()` adds back once.
    let query = leptos_router::hooks::use_query_map().get_untracked();
    let kept: Vec<String> = query
        .into_iter()
        .filter(|(key, _)| !KEYS.contains(&key.as_ref()))
        .map(|(key, value)| format!("{}={}", encode(&key), encode(&value)))
        .collect();
    let address = if kept.is_empty() { path } else { format!("{path}?{}", kept.join("&")) };
    let pairs = current().pairs();
    let links = languages
        .into_iter()
        .filter(|(lang, _)| *lang != here.lang)
        .map(|(lang, name)| {
            let href = carry(&lang.path(&address), &pairs);
            let title = Tr { lang }.t("switch-to-language");
            view! {
                <li>
                    <a href=href hreflang=lang.code() lang=lang.code() title=title class="rounded px-2 py-1 text-sm font-medium underline">
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=here.t("nav-language")>
            <ul class="flex items-center">{links}</ul>
        </nav>
    }
}

/// The standard width and spacing of a page's content, with its one `<h1>`.
#[component]
pub fn PageSection(#[prop(into)] title: String, children: Children) -> impl IntoView {
    view! {
        <div class="mx-auto max-w-3xl px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
            <div class="mt-6 space-y-4 text-base leading-7">{children()}</div>
        </div>
    }
}
