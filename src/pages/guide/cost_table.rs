//! The monthly cost comparison on the result page, with every assumption stated.

use leptos::prelude::*;

use crate::components::carry::link;

use crate::components::cost_chart::{CostChart, CostChartView};
use crate::domain::answers::plain_number;
use crate::domain::cost::usd;
use crate::domain::recommendation::CostResult;

#[component]
pub fn CostSection(cost: CostResult, chart: CostChart, result_path: String) -> impl IntoView {
    let switch = if cost.assumptions.free_tier_included {
        (link(&result_path), "Leave the free tier out")
    } else {
        (link(&format!("{result_path}?free_tier=1")), "Include the functions' free tier")
    };
    let a = cost.assumptions.clone();
    // Results stored before the provider was a choice were priced on AWS.
    let product = |key: &str, before: &str| a.products.get(key).cloned().unwrap_or_else(|| before.to_string());
    let rows = [
        (
            format!("Functions ({})", product("functions", "AWS Lambda")),
            cost.monthly_usd.functions,
            a.formulas.get("functions").cloned().unwrap_or_default(),
        ),
        (
            format!("Managed containers ({})", product("managed_containers", "AWS Fargate")),
            cost.monthly_usd.managed_containers,
            a.formulas.get("managed_containers").cloned().unwrap_or_default(),
        ),
        (
            format!("Virtual machines ({})", product("virtual_machines", "Amazon EC2")),
            cost.monthly_usd.virtual_machines,
            format!("{} · {}", a.vm_fleet, a.formulas.get("virtual_machines").cloned().unwrap_or_default()),
        ),
    ];
    let provider = if a.provider.is_empty() { "AWS".to_string() } else { a.provider.clone() };
    let prices_are = if a.on_premises {
        format!(
            "Compute only: {provider}'s on-demand prices in {} ({}) for the managed options, shown for reference; your own servers for the rest. As of {}. An estimate for comparing options, not a quote.",
            a.region, a.currency, a.prices_as_of
        )
    } else {
        format!(
            "Compute only, {provider}'s on-demand prices in {} ({}), as of {}. An estimate for comparing options, not a quote.",
            a.region, a.currency, a.prices_as_of
        )
    };
    let sources: Vec<(String, String, String)> = ["functions", "managed_containers", "kubernetes", "virtual_machines"]
        .iter()
        .filter_map(|&key| {
            let source = a.sources.get(key)?;
            Some((product(key, key), source.source.clone(), source.as_of.clone()))
        })
        .collect();
    let break_even = match cost.break_even_monthly_requests {
        Some(n) => format!("Above about {} requests a month, managed containers cost less than functions for this workload.", plain_number(n)),
        None => "For this workload, functions and managed containers do not swap places between 1 and 10¹² requests a month.".to_string(),
    };
    view! {
        <section class="rounded-lg border border-slate-200 p-5 dark:border-slate-800" aria-labelledby="cost-heading">
            <h2 id="cost-heading" class="text-xl font-semibold">"What it would cost to run, per month"</h2>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">
                {prices_are}
            </p>
            <table class="mt-4 w-full text-left">
                <caption class="sr-only">"Monthly cost by way of running it"</caption>
                <thead><tr><th scope="col" class="py-2">"Way of running it"</th><th scope="col" class="py-2 text-right">"Per month"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, amount, how)| view! {
                        <tr class="border-t border-slate-200 align-top dark:border-slate-800">
                            <th scope="row" class="py-2 font-normal">{name}<span class="block text-xs text-slate-600 dark:text-slate-400">{how}</span></th>
                            <td class="py-2 text-right font-semibold">{usd(amount)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <CostChartView chart/>
            <p class="mt-4">{break_even}</p>
            <h3 class="mt-4 font-semibold">"Assumptions"</h3>
            <ul class="mt-2 list-disc space-y-1 pl-6 text-sm">
                <li>{format!("{} requests a month, {} ms each, {} MB of memory, peak {}× the average.", plain_number(a.monthly_requests.round()), plain_number(a.avg_duration_ms), a.memory_mb, a.peak_to_average)}</li>
                <li>{format!("Containers and VMs serve many requests at once, so they are sized by the CPU a request really uses: {}% of its duration (web requests mostly wait on databases and other services), at {}% utilisation at the peak, at least {} instance(s) all month.", a.cpu_share * 100.0, a.utilisation_target * 100.0, a.min_instances)}</li>
                <li>
                    {if a.free_tier_included { "The functions' monthly free tier (in the formula above) is subtracted. " } else { "The functions' monthly free tier is not subtracted (it is shared by everything in an account). " }}
                    <a href=switch.0 class="underline print:hidden">{switch.1}</a>
                </li>
                <li>{format!("Kubernetes would cost about {} a month: the VMs above{}.", usd(a.kubernetes_monthly_usd), if !a.kubernetes_control_plane_included { " (your platform team's cluster already exists)" } else if a.on_premises { " plus control-plane servers and the hours it takes to run the cluster" } else { " plus a managed control plane" })}</li>
            </ul>
            {(!sources.is_empty()).then(|| view! {
                <h3 class="mt-4 font-semibold">"Where the prices come from"</h3>
                <ul class="mt-2 list-disc space-y-1 pl-6 text-sm">
                    {sources.into_iter().map(|(product, source, as_of)| {
                        let page = source.starts_with("https://").then(|| source.clone());
                        view! {
                            <li>
                                {match page {
                                    Some(href) => view! { <a class="underline" href=href>{format!("{product} pricing")}</a> }.into_any(),
                                    None => view! { <span>{format!("{product}: {source}")}</span> }.into_any(),
                                }}
                                {format!(", read {as_of}.")}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
