//! The map of the idea, drawn on the server as SVG: how a system is organised (across) × how it
//! runs (down). Each cell links to its row in the table under the map, which says the same in
//! sentences for people who cannot see the picture and for copying. On a result, each cell is
//! shaded by how well it fits the visitor's answers and the recommendation is marked.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::guide::map::{ArchitectureMap, Cell, Fit, Standing, Verdict};
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::domain::message::Message;
use crate::i18n::Tr;

/// The map for no one in particular, built once from the model the server runs and handed to
/// every page through context.
#[derive(Clone, Debug, Default)]
pub struct GeneralMap(pub Arc<ArchitectureMap>);

const WIDTH: u32 = 320;
const LEFT: u32 = 72;
const TOP: u32 = 34;
const CELL_W: u32 = 62;
const CELL_H: u32 = 56;
const HEIGHT: u32 = TOP + 4 * CELL_H;
/// How strongly the accent colour fills a cell in each band of fit (dark text up to band 3:
/// the accent is dark enough for white text only at full strength). The colours themselves are
/// in the stylesheet (`.idea-map`), written once instead of on every cell.
const BAND_OPACITY: [&str; 5] = ["0.05", "0.16", "0.3", "0.48", "1"];

/// A message's lines (a column's or row's heading, a cell's words).
fn message_lines(tr: Tr, key: &str) -> Vec<String> {
    tr.t(key).lines().map(str::to_string).collect()
}

/// Lines of text centred on `(x, y)`, one line height apart: one `text` whose lines are
/// separated by spaces, so what it says reads as words, not as one run of letters.
fn lines(x: u32, y: f64, lines: Vec<String>) -> impl IntoView {
    let first = y - (lines.len() as f64 - 1.0) * 5.5;
    let x = x.to_string();
    let spans = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let (gap, dy) = if i == 0 { (None, None) } else { (Some(" "), Some("11")) };
            view! { {gap}<tspan x=x.clone() dy=dy>{line}</tspan> }
        })
        .collect_view();
    view! { <text y=format!("{first:.1}")>{spans}</text> }
}

/// How a cell is drawn: the kind of its rectangle (none: the accent colour), the accent's
/// strength, and whether its words need the light ink of a full-strength accent.
fn shade(cell: &Cell) -> (Option<&'static str>, Option<&'static str>, bool) {
    let mark = cell.fit.and_then(|f| match f.standing {
        Standing::Recommended => Some("mark"),
        Standing::HeldBack => Some("held"),
        Standing::Open | Standing::NoFit => None,
    });
    match (cell.fit, cell.combination.verdict) {
        (Some(fit), _) if fit.band == 4 => (mark, None, true),
        (Some(fit), _) => (mark, Some(BAND_OPACITY[fit.band as usize]), false),
        (None, Verdict::Fits) => (None, Some("0.22"), false),
        (None, Verdict::Depends) => (Some("depends"), None, false),
        (None, Verdict::Warns) => (Some("warns"), None, false),
    }
}

/// The words under a cell's description on a result: its fit, or why it is not an option.
fn fit_words(tr: Tr, fit: Fit) -> String {
    let score = || ("score", u64::from(fit.score).into());
    match fit.standing {
        Standing::Recommended => format!("★ {}", fit.score),
        Standing::Open => fit.score.to_string(),
        Standing::HeldBack => tr.args("map-cell-held", &[score()]),
        Standing::NoFit => tr.t("map-cell-no-fit"),
    }
}

fn fit_phrase(tr: Tr, fit: Fit) -> String {
    let key = match fit.standing {
        Standing::Recommended => "map-fit-recommended",
        Standing::Open => "map-fit",
        Standing::HeldBack => "map-fit-held-back",
        Standing::NoFit => "map-fit-no-fit",
    };
    tr.args(key, &[("score", u64::from(fit.score).into())])
}

/// A cell's accessible name: the words it shows first (so speech input can name it by what is
/// on screen), then the combination and its verdict or fit.
fn cell_name(tr: Tr, cell: &Cell, words: &[String]) -> String {
    let c = &cell.combination;
    let shown = words.join(" ").replace("★ ", "");
    let what = match cell.fit {
        Some(fit) => fit_phrase(tr, fit),
        None => tr.message(&c.verdict.label()),
    };
    tr.args(
        "map-cell-name",
        &[("shown", shown.into()), ("phrase", tr.message(&c.phrase()).into()), ("what", what.into())],
    )
}

fn cell_view(tr: Tr, cell: &Cell, column: u32, row: u32) -> impl IntoView {
    let c = &cell.combination;
    let (x, y) = (LEFT + column * CELL_W, TOP + row * CELL_H);
    let (kind, opacity, on_accent) = shade(cell);
    let mut words: Vec<String> = tr.message(&c.short()).lines().map(str::to_string).collect();
    words.extend(cell.fit.map(|fit| fit_words(tr, fit)));
    let name = cell_name(tr, cell, &words);
    let middle = y as f64 + CELL_H as f64 / 2.0 + 3.0;
    view! {
        <a href=format!("#{}", c.anchor()) aria-label=name aria-describedby=format!("{}-text", c.anchor()) data-ink=on_accent.then_some("light")>
            <rect x=(x + 2).to_string() y=(y + 2).to_string() width=(CELL_W - 4).to_string() height=(CELL_H - 4).to_string() rx="4" data-kind=kind fill-opacity=opacity/>
            {lines(x + CELL_W / 2, middle, words)}
        </a>
    }
}

/// A one-sentence description of what the map shows, for the SVG's `desc`.
fn description(tr: Tr, map: &ArchitectureMap) -> String {
    let axes = tr.t("map-axes");
    let Some(best) = map.recommended() else {
        let count = |v: Verdict| map.cells.iter().filter(|c| c.combination.verdict == v).count().into();
        return tr.args(
            "map-description",
            &[
                ("axes", axes.into()),
                ("fits", count(Verdict::Fits)),
                ("depends", count(Verdict::Depends)),
                ("warns", count(Verdict::Warns)),
            ],
        );
    };
    let mut others: Vec<&Cell> =
        map.cells.iter().filter(|c| c.fit.is_some_and(|f| f.standing == Standing::Open)).collect();
    others.sort_by_key(|c| std::cmp::Reverse(c.fit.map(|f| f.score)));
    let with_fit = |cell: &Cell| {
        Message::key("map-with-fit")
            .with("phrase", cell.combination.phrase())
            .with("score", u64::from(cell.fit.map(|f| f.score).unwrap_or(0)))
    };
    let neighbours: Vec<Message> = others.iter().take(2).map(|c| with_fit(c)).collect();
    tr.message(
        &Message::key("map-description-result")
            .with("axes", axes)
            .with("yours", with_fit(best))
            .with("neighbours", neighbours),
    )
}

/// The map, with its legend and its table. `table_open`: whether the table shows without a click;
/// `children`: what to show beside the map on wide screens (below it on narrow ones).
#[component]
pub fn ArchitectureMapView(
    map: Arc<ArchitectureMap>,
    #[prop(optional)] table_open: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    if map.cells.len() != 16 {
        return None;
    }
    let tr = Tr::here();
    let for_result = map.recommended().is_some();
    let beside_layout = children.is_some().then_some("md:grid md:grid-cols-5 md:items-center md:gap-6");
    let headers = Organisation::ALL
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let words = message_lines(tr, &format!("map-column-{o}"));
            lines(LEFT + i as u32 * CELL_W + CELL_W / 2, TOP as f64 / 2.0 + 2.0, words)
        })
        .collect_view();
    let rows = Execution::ALL
        .iter()
        .enumerate()
        .map(|(row, e)| {
            let words = message_lines(tr, &format!("map-row-{e}"));
            let middle = (TOP + row as u32 * CELL_H) as f64 + CELL_H as f64 / 2.0 + 3.0;
            let cells = map
                .row(*e)
                .enumerate()
                .map(|(column, cell)| cell_view(tr, cell, column as u32, row as u32))
                .collect_view();
            view! { {lines(LEFT / 2, middle, words)} {cells} }
        })
        .collect_view();
    Some(view! {
        <figure class="mt-6">
            <div class=beside_layout>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group" aria-labelledby="map-title map-desc" font-size="9.5" text-anchor="middle" class="idea-map mx-auto h-auto w-full max-w-xl max-sm:-mx-4 max-sm:w-[calc(100%+2rem)] max-sm:max-w-none md:col-span-3">
                <title id="map-title">{tr.t("map-title")}</title>
                <desc id="map-desc">{description(tr, &map)}</desc>
                <g aria-hidden="true" font-weight="bold">
                    <text x="4" y="12" text-anchor="start" font-weight="normal">{tr.t("map-organised")}</text>
                    <text x="4" y="26" text-anchor="start" font-weight="normal">{tr.t("map-runs-on")}</text>
                    {headers}
                </g>
                {rows}
            </svg>
            {children.map(|beside| view! { <div class="mt-4 space-y-3 md:col-span-2 md:mt-0">{beside()}</div> })}
            </div>
            <MapLegend for_result/>
            <MapTable map table_open/>
        </figure>
    })
}

#[component]
fn MapLegend(for_result: bool) -> impl IntoView {
    let tr = Tr::here();
    let swatch = "inline-block h-3 w-4 rounded-sm border border-slate-300 align-middle dark:border-slate-600";
    let key = if for_result {
        view! {
            <p>{tr.t("map-legend-result")}</p>
        }
        .into_any()
    } else {
        view! {
            <ul class="flex flex-wrap gap-x-4 gap-y-1">
                <li><span class=format!("{swatch} bg-accent/20")></span>" "{tr.message(&Verdict::Fits.label())}</li>
                <li><span class=format!("{swatch} bg-slate-100 dark:bg-slate-800")></span>" "{tr.message(&Verdict::Depends.label())}</li>
                <li><span class=format!("{swatch} bg-amber-100 dark:bg-amber-950")></span>" "{tr.message(&Verdict::Warns.label())}</li>
            </ul>
        }
        .into_any()
    };
    view! {
        <figcaption class="mx-auto mt-3 max-w-xl space-y-1 text-sm text-slate-700 dark:text-slate-300">
            {key}
            <p>{tr.t("map-legend-axes")}</p>
        </figcaption>
    }
}

#[component]
fn MapTable(map: Arc<ArchitectureMap>, table_open: bool) -> impl IntoView {
    let tr = Tr::here();
    let for_result = map.recommended().is_some();
    let rows = map
        .cells
        .iter()
        .map(|cell| {
            let c = &cell.combination;
            let marked = cell.fit.is_some_and(|f| f.standing == Standing::Recommended);
            let typically = match cell.fit {
                Some(fit) => tr.args(
                    "map-typically-fit",
                    &[("verdict", tr.message(&c.verdict.label()).into()), ("fit", fit_phrase(tr, fit).into())],
                ),
                None => tr.message(&c.verdict.label()),
            };
            view! {
                <tr id=c.anchor() data-yours=marked.then_some("")>
                    <th scope="row">{tr.message(&c.title())}</th>
                    <td>{typically}</td>
                    <td id=format!("{}-text", c.anchor())>{tr.message(&c.text())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="mt-4 text-sm" open=table_open>
            <summary class="cursor-pointer font-semibold underline print:hidden">{tr.t("map-table")}</summary>
            // Cell styles are set once on the table rather than on each of its 48 cells.
            <table class="mt-2 w-full border-collapse text-left [&_td]:py-2 [&_td]:pr-3 [&_th]:py-2 [&_th]:pr-3 [&_th]:text-left [&_tr]:scroll-mt-4 [&_tr]:border-b [&_tr]:border-slate-200 [&_tr]:align-top [&_tr[data-yours]]:font-semibold [&_tr:target]:bg-amber-50 dark:[&_tr]:border-slate-800 dark:[&_tr:target]:bg-amber-950">
                <caption class="sr-only">{tr.t("map-table-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr.t("map-table-combination")}</th>
                        <th scope="col">{tr.t(if for_result { "map-table-typically-yours" } else { "map-table-typically" })}</th>
                        <th scope="col">{tr.t("map-table-why")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}
