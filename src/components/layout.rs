//! Header, footer and skip link: the frame around every page.

use leptos::prelude::*;

use crate::components::carry::link;

use crate::brand::Brand;
use crate::components::theme_toggle::ThemeToggle;

/// The first focusable element: lets keyboard users jump past the navigation.
#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            href="#main"
            class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900 focus:shadow-lg"
        >
            "Skip to content"
        </a>
    }
}

/// Whether the page being shown belongs to the staff area (which has its own navigation).
fn in_staff_area() -> bool {
    let path = leptos_router::hooks::use_location().pathname.get_untracked();
    path == "/inbox" || path.starts_with("/inbox/")
}

/// The site header: the brand, the three places a visitor goes, and the theme switch. In the
/// staff area: the brand and "Inbox" only.
#[component]
pub fn Header() -> impl IntoView {
    let brand = use_context::<Brand>().unwrap_or_default();
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
                    <nav aria-label="Main">
                        <ul class="flex flex-wrap items-center gap-x-1 text-sm sm:gap-x-3 sm:text-base">
                            <li><a href=link("/learn") class=class aria-current=current("/learn")>"Learn"</a></li>
                            <li><a href=link("/guide") class=class aria-current=current("/guide")>"Guide"</a></li>
                            <li><a href=link("/contact") class=class aria-current=current("/contact")>"Talk to us"</a></li>
                        </ul>
                    </nav>
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
    view! {
        <footer class="mt-16 border-t border-slate-200 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400 print:hidden">
            <div class="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 sm:flex-row sm:justify-between">
                <p>
                    {brand.name.clone()} " · we reply within " {brand.reply_within.words()}
                    " · the code stays yours"
                </p>
                <nav aria-label="Footer">
                    <ul class="flex gap-4">
                        <li><a class="underline" href=link("/privacy")>"Privacy"</a></li>
                        <li><a class="underline" href=link("/contact")>"Contact"</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
    .into_any()
}

/// The standard width and spacing of a page's content, with its one `<h1>`.
#[component]
pub fn PageSection(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="mx-auto max-w-3xl px-4 py-10">
            <h1 class="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
            <div class="mt-6 space-y-4 text-base leading-7">{children()}</div>
        </div>
    }
}
