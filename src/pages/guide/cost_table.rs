//! The monthly cost comparison on the result page, with every assumption stated.

use leptos::prelude::*;

use crate::components::cost_chart::{CostChart, CostChartView};
use crate::domain::guide::recommendation::CostResult;
use crate::domain::lang::Arg;
use crate::i18n::carry::link;
use crate::i18n::Tr;

#[component]
pub fn CostSection(cost: CostResult, chart: CostChart, result_path: String) -> impl IntoView {
    let tr = Tr::here();
    let switch = if cost.assumptions.free_tier_included {
        (link(&result_path), tr.t("cost-free-tier-leave-out"))
    } else {
        (link(&format!("{result_path}?free_tier=1")), tr.t("cost-free-tier-include"))
    };
    let a = cost.assumptions.clone();
    // Results stored before the provider was a choice were priced on AWS.
    let product = |key: &str, before: &str| a.products.get(key).cloned().unwrap_or_else(|| before.to_string());
    let formula = |key: &str| a.formulas.get(key).map(|m| tr.message(m)).unwrap_or_default();
    let row = |key: &str, product: String| tr.args(key, &[("product", product.into())]);
    let rows = [
        (
            row("cost-row-functions", product("functions", "AWS Lambda")),
            cost.monthly_usd.functions,
            formula("functions"),
        ),
        (
            row("cost-row-containers", product("managed_containers", "AWS Fargate")),
            cost.monthly_usd.managed_containers,
            formula("managed_containers"),
        ),
        (
            row("cost-row-machines", product("virtual_machines", "Amazon EC2")),
            cost.monthly_usd.virtual_machines,
            format!("{} · {}", a.vm_fleet, formula("virtual_machines")),
        ),
    ];
    let provider = if a.provider.is_empty() { "AWS".to_string() } else { a.provider.clone() };
    let prices_are = tr.args(
        if a.on_premises { "cost-prices-on-premises" } else { "cost-prices" },
        &[
            ("provider", provider.into()),
            ("region", a.region.clone().into()),
            ("currency", a.currency.clone().into()),
            ("as_of", tr.date(&a.prices_as_of).into()),
        ],
    );
    let sources: Vec<(String, String, String)> = ["functions", "managed_containers", "kubernetes", "virtual_machines"]
        .iter()
        .filter_map(|&key| {
            let source = a.sources.get(key)?;
            Some((product(key, key), source.source.clone(), source.as_of.clone()))
        })
        .collect();
    let break_even = match cost.break_even_monthly_requests {
        Some(n) => tr.args("cost-break-even", &[("requests", Arg::Number(n.round(), 0))]),
        None => tr.t("cost-no-break-even"),
    };
    let workload = tr.args(
        "cost-assumption-workload",
        &[
            ("requests", Arg::Number(a.monthly_requests.round(), 0)),
            ("duration", a.avg_duration_ms.into()),
            ("memory", u64::from(a.memory_mb).into()),
            ("peak", a.peak_to_average.into()),
        ],
    );
    let sizing = tr.args(
        "cost-assumption-sizing",
        &[
            ("cpu_share", (a.cpu_share * 100.0).into()),
            ("utilisation", (a.utilisation_target * 100.0).into()),
            ("instances", u64::from(a.min_instances).into()),
        ],
    );
    let kubernetes_key = if !a.kubernetes_control_plane_included {
        "cost-kubernetes-existing"
    } else if a.on_premises {
        "cost-kubernetes-own"
    } else {
        "cost-kubernetes-managed"
    };
    let kubernetes = tr.args(kubernetes_key, &[("cost", tr.money(a.kubernetes_monthly_usd).into())]);
    let free_tier = tr.t(if a.free_tier_included { "cost-free-tier-included" } else { "cost-free-tier-not-included" });
    view! {
        <section class="rounded-lg border border-slate-200 p-5 dark:border-slate-800" aria-labelledby="cost-heading">
            <h2 id="cost-heading" class="text-xl font-semibold">{tr.t("cost-heading")}</h2>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">{prices_are}</p>
            <table class="mt-4 w-full text-left">
                <caption class="sr-only">{tr.t("cost-caption")}</caption>
                <thead><tr><th scope="col" class="py-2">{tr.t("cost-way")}</th><th scope="col" class="py-2 text-right">{tr.t("cost-per-month")}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, amount, how)| view! {
                        <tr class="border-t border-slate-200 align-top dark:border-slate-800">
                            <th scope="row" class="py-2 font-normal">{name}<span class="block text-xs text-slate-600 dark:text-slate-400">{how}</span></th>
                            <td class="py-2 text-right font-semibold">{tr.money(amount)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <CostChartView chart/>
            <p class="mt-4">{break_even}</p>
            <h3 class="mt-4 font-semibold">{tr.t("cost-assumptions")}</h3>
            <ul class="mt-2 list-disc space-y-1 pl-6 text-sm">
                <li>{workload}</li>
                <li>{sizing}</li>
                <li>
                    {free_tier} " "
                    <a href=switch.0 class="underline print:hidden">{switch.1}</a>
                </li>
                <li>{kubernetes}</li>
            </ul>
            {(!sources.is_empty()).then(|| view! {
                <h3 class="mt-4 font-semibold">{tr.t("cost-sources")}</h3>
                <ul class="mt-2 list-disc space-y-1 pl-6 text-sm">
                    {sources.into_iter().map(|(product, source, as_of)| {
                        let page = source.starts_with("https://").then(|| source.clone());
                        let read = tr.args("cost-source-read", &[("as_of", tr.date(&as_of).into())]);
                        view! {
                            <li>
                                {match page {
                                    Some(href) => view! { <a class="underline" href=href>{tr.args("cost-source-pricing", &[("product", product.into())])}</a> }.into_any(),
                                    None => view! { <span>{format!("{product}: {source}")}</span> }.into_any(),
                                }}
                                {read}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
