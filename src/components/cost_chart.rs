//! The cost chart: monthly cost against monthly requests for three ways of running the
//! workload, drawn as SVG on the server, with the visitor's volume and the break-even marked
//! and the numbers behind it in a table for people who cannot see the chart.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::guide::recommendation::Execution;
use crate::domain::lang::Arg;
use crate::i18n::Tr;

/// One line of the chart: the way of running it and its points (requests a month, USD a month).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub execution: Execution,
    pub points: Vec<(f64, f64)>,
}

/// Everything the chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostChart {
    pub series: Vec<Series>,
    pub volume: f64,
    pub break_even: Option<f64>,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 40.0;

/// Maps values onto the plot area with log scales on both axes.
struct Scale {
    x: (f64, f64),
    y: (f64, f64),
}

impl Scale {
    fn new(chart: &CostChart) -> Self {
        let xs = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.0));
        let ys = chart.series.iter().flat_map(|s| s.points.iter().map(|p| p.1.max(0.01)));
        let (x0, x1) = xs.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
        let (y0, y1) = ys.fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)));
        let decade_below = |v: f64| 10f64.powf(v.log10().floor());
        let decade_above = |v: f64| 10f64.powf(v.log10().ceil());
        Scale {
            x: (x0.log10(), x1.log10()),
            y: (decade_below(y0.max(0.01)).log10(), decade_above(y1.max(1.0)).log10()),
        }
    }

    fn px(&self, x: f64) -> f64 {
        LEFT + (x.log10() - self.x.0) / (self.x.1 - self.x.0) * (WIDTH - LEFT - RIGHT)
    }

    fn py(&self, y: f64) -> f64 {
        let y = y.max(10f64.powf(self.y.0)).log10();
        HEIGHT - BOTTOM - (y - self.y.0) / (self.y.1 - self.y.0) * (HEIGHT - TOP - BOTTOM)
    }
}

/// Line styles: colour and dash differ, so the lines stay apart without colour vision.
const STYLES: [(&str, &str); 3] = [("#0f766e", ""), ("#7c3aed", "8 4"), ("#b45309", "2 4")];

/// An axis label for a number of requests: "10k", "1M", "1B" in English.
fn requests_label(tr: Tr, v: f64) -> String {
    let (key, n) = match v {
        v if v >= 1e9 => ("chart-billions", v / 1e9),
        v if v >= 1e6 => ("chart-millions", v / 1e6),
        v if v >= 1e3 => ("chart-thousands", v / 1e3),
        v => return tr.number(v.round(), 0),
    };
    tr.args(key, &[("count", Arg::Number(n.round(), 0))])
}

#[component]
pub fn CostChartView(chart: CostChart) -> impl IntoView {
    let tr = Tr::here();
    let name = |s: &Series| tr.message(&s.execution.label());
    let scale = Scale::new(&chart);
    let x_ticks: Vec<f64> = ((scale.x.0.ceil() as i32)..=(scale.x.1.floor() as i32)).map(|e| 10f64.powi(e)).collect();
    let y_ticks: Vec<f64> = ((scale.y.0 as i32)..=(scale.y.1 as i32)).map(|e| 10f64.powi(e)).collect();
    let lines = chart
        .series
        .iter()
        .zip(STYLES)
        .map(|(s, (colour, dash))| {
            let d = s
                .points
                .iter()
                .enumerate()
                .map(|(i, (x, y))| format!("{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, scale.px(*x), scale.py(*y)))
                .collect::<String>();
            view! { <path d=d fill="none" stroke=colour stroke-width="2.5" stroke-dasharray=dash/> }
        })
        .collect_view();
    let legend = chart
        .series
        .iter()
        .zip(STYLES)
        .map(|(s, (colour, dash))| {
            view! {
                <li class="flex items-center gap-2">
                    <svg width="32" height="8" aria-hidden="true">
                        <line x1="0" x2="32" y1="4" y2="4" stroke=colour stroke-width="2.5" stroke-dasharray=dash/>
                    </svg>
                    {name(s)}
                </li>
            }
        })
        .collect_view();
    let volume_x = scale.px(chart.volume.max(10f64.powf(scale.x.0)));
    let break_even = chart.break_even.filter(|b| b.log10() > scale.x.0 && b.log10() < scale.x.1).map(|b| {
        let x = scale.px(b);
        view! {
            <line x1=format!("{x:.1}") x2=format!("{x:.1}") y1=TOP.to_string() y2=(HEIGHT - BOTTOM).to_string() stroke="currentColor" stroke-dasharray="4 4" opacity="0.6"/>
            <text x=format!("{:.1}", x + 4.0) y=(TOP + 24.0).to_string() font-size="12" fill="currentColor">{tr.t("chart-break-even")}</text>
        }
    });
    let summary = chart
        .series
        .iter()
        .map(|s| {
            let at_volume = s
                .points
                .iter()
                .min_by(|a, b| (a.0.ln() - chart.volume.ln()).abs().total_cmp(&(b.0.ln() - chart.volume.ln()).abs()));
            tr.args(
                "chart-at-volume",
                &[("option", name(s).into()), ("cost", tr.money(at_volume.map(|p| p.1).unwrap_or(0.0)).into())],
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut description =
        tr.args("chart-description", &[("volume", Arg::Number(chart.volume.round(), 0)), ("summary", summary.into())]);
    if let Some(b) = chart.break_even {
        description.push(' ');
        description.push_str(&tr.args("chart-description-break-even", &[("requests", Arg::Number(b.round(), 0))]));
    }
    let rows = chart.series.first().map(|s| s.points.len()).unwrap_or(0);
    view! {
        <figure class="mt-6">
            <ul class="mb-2 flex flex-wrap gap-4 text-sm" aria-hidden="true">{legend}</ul>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="cost-chart-title cost-chart-desc" class="h-auto w-full text-slate-700 dark:text-slate-300">
                <title id="cost-chart-title">{tr.t("chart-title")}</title>
                <desc id="cost-chart-desc">{description.clone()}</desc>
                {y_ticks.iter().map(|t| view! {
                    <line x1=LEFT.to_string() x2=(WIDTH - RIGHT).to_string() y1=format!("{:.1}", scale.py(*t)) y2=format!("{:.1}", scale.py(*t)) stroke="currentColor" opacity="0.15"/>
                    <text x=(LEFT - 6.0).to_string() y=format!("{:.1}", scale.py(*t) + 4.0) font-size="11" text-anchor="end" fill="currentColor">{tr.money(*t)}</text>
                }).collect_view()}
                {x_ticks.iter().map(|t| view! {
                    <text x=format!("{:.1}", scale.px(*t)) y=(HEIGHT - BOTTOM + 16.0).to_string() font-size="11" text-anchor="middle" fill="currentColor">{requests_label(tr, *t)}</text>
                }).collect_view()}
                <text x=((LEFT + WIDTH - RIGHT) / 2.0).to_string() y=(HEIGHT - 6.0).to_string() font-size="12" text-anchor="middle" fill="currentColor">{tr.t("chart-requests-axis")}</text>
                {lines}
                {break_even}
                <line x1=format!("{volume_x:.1}") x2=format!("{volume_x:.1}") y1=TOP.to_string() y2=(HEIGHT - BOTTOM).to_string() stroke="currentColor" stroke-width="2"/>
                <text x=format!("{:.1}", volume_x + 4.0) y=(TOP + 10.0).to_string() font-size="12" font-weight="bold" fill="currentColor">{tr.t("chart-you")}</text>
            </svg>
            <figcaption class="mt-2 text-sm">{description}</figcaption>
            <details class="mt-2 text-sm print:hidden">
                <summary class="cursor-pointer underline">{tr.t("chart-numbers")}</summary>
                <table class="mt-2 w-full text-right">
                    <caption class="sr-only">{tr.t("chart-numbers-caption")}</caption>
                    <thead><tr>
                        <th scope="col" class="text-left">{tr.t("chart-requests-column")}</th>
                        {chart.series.iter().map(|s| view! { <th scope="col">{name(s)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {(0..rows).step_by(3).map(|i| view! {
                            <tr>
                                <th scope="row" class="text-left font-normal">{tr.number(chart.series[0].points[i].0.round(), 0)}</th>
                                {chart.series.iter().map(|s| view! { <td>{tr.money(s.points[i].1)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
