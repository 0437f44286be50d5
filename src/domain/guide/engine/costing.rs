//! The cost model's part in the recommendation: prices for the visitor's traffic, the points
//! each execution option earns for being cheap, and the reasons that say so.

use std::collections::BTreeMap;

use crate::domain::guide::cost::{break_even_monthly_requests, monthly_cost, MonthlyCost, PriceTable, Workload};
use crate::domain::guide::recommendation::{CostAssumptions, CostResult, Execution, MonthlyUsd, PriceSource, Reason};
use crate::domain::guide::situation::{OpsMaturity, Situation};
use crate::domain::message::{usd, Message, MessageArg};

use super::CostOptions;
use crate::domain::guide::engine::model::CostWeights;

/// The cost figures, per execution option in the engine's order, and the result section.
pub struct Costed {
    pub per_option: [f64; 4],
    pub result: CostResult,
}

/// The visitor's workload as the cost model sees it.
pub fn workload(situation: &Situation, options: CostOptions) -> Workload {
    Workload {
        monthly_requests: situation.number("monthly_requests"),
        avg_duration_ms: situation.number("avg_duration_ms"),
        memory_mb: situation.number("memory_mb") as u32,
        peak_to_average: situation.number("peak_to_average"),
        free_tier: options.free_tier,
    }
}

/// The monthly cost of each option in the engine's order (functions, managed containers,
/// Kubernetes, virtual machines): all the choice needs, without the result's texts.
pub fn per_option(situation: &Situation, workload: &Workload, prices: &PriceTable) -> ([f64; 4], MonthlyCost) {
    let mut cost = monthly_cost(workload, prices);
    // A platform team already runs a cluster: one more workload adds nodes, not a control plane.
    if !control_plane_included(situation) {
        cost.kubernetes = cost.virtual_machines;
    }
    ([cost.functions, cost.managed_containers, cost.kubernetes, cost.virtual_machines], cost)
}

fn control_plane_included(situation: &Situation) -> bool {
    situation.ops_maturity() != OpsMaturity::Platform
}

/// Prices the visitor's workload on every option, with the formulas and assumptions shown.
pub fn price(situation: &Situation, prices: &PriceTable, options: CostOptions) -> Costed {
    let workload = workload(situation, options);
    let (per_option, cost) = per_option(situation, &workload, prices);
    let a = &prices.assumptions;
    let formulas = BTreeMap::from([
        ("functions".to_string(), functions_formula(prices, options.free_tier)),
        ("managed_containers".to_string(), containers_formula(prices)),
        ("virtual_machines".to_string(), machines_formula(prices)),
    ]);
    let abouts = [
        ("functions", &prices.functions.about),
        ("managed_containers", &prices.managed_containers.about),
        ("kubernetes", &prices.kubernetes.about),
        ("virtual_machines", &prices.virtual_machines.about),
    ];
    let result = CostResult {
        monthly_usd: MonthlyUsd {
            functions: cents(cost.functions),
            managed_containers: cents(cost.managed_containers),
            virtual_machines: cents(cost.virtual_machines),
        },
        break_even_monthly_requests: break_even_monthly_requests(&workload, prices),
        assumptions: CostAssumptions {
            prices_as_of: prices.as_of.clone(),
            region: prices.region.clone(),
            currency: prices.currency.clone(),
            monthly_requests: workload.monthly_requests,
            avg_duration_ms: workload.avg_duration_ms,
            memory_mb: workload.memory_mb,
            peak_to_average: workload.peak_to_average,
            free_tier_included: options.free_tier,
            cpu_share: a.cpu_share,
            utilisation_target: a.utilisation_target,
            min_instances: a.min_instances,
            hours_per_month: prices.hours_per_month,
            container_vcpu: (cost.container_vcpu * 100.0).round() / 100.0,
            vm_fleet: cost.vm_fleet.clone(),
            kubernetes_monthly_usd: cents(cost.kubernetes),
            kubernetes_control_plane_included: control_plane_included(situation),
            formulas,
            cloud: prices.cloud.as_str().to_string(),
            provider: prices.provider.clone(),
            on_premises: prices.on_premises.is_some(),
            products: abouts.iter().map(|(k, a)| (k.to_string(), a.product.clone())).collect(),
            sources: abouts
                .iter()
                .map(|(k, a)| (k.to_string(), PriceSource { source: a.source.clone(), as_of: a.as_of.clone() }))
                .collect(),
        },
    };
    Costed { per_option, result }
}

fn functions_formula(prices: &PriceTable, free_tier: bool) -> Message {
    let f = &prices.functions;
    let unit = |name: &str| Message::key(format!("billing-unit-{name}"));
    let main = Message::key(if f.per_vcpu_second > 0.0 { "formula-functions-vcpu" } else { "formula-functions" })
        .with("requests", unit(&f.request_unit))
        .with("per_million", exact(f.per_million_requests))
        .with("per_memory_second", exact(f.per_gb_second))
        .with("memory", f.memory_unit.trim_end_matches("-second"))
        .with("memory_second", unit(&f.memory_unit))
        .with("per_vcpu_second", exact(f.per_vcpu_second));
    let mut parts = vec![main];
    if f.min_billed_ms > 1.0 {
        parts.push(Message::key("formula-functions-min-billed").with("ms", f.min_billed_ms));
    }
    if free_tier {
        let mut free = vec![
            Message::key("formula-free-requests")
                .with("count", f.free_requests)
                .with("requests", unit(&f.request_unit)),
            Message::key("formula-free-memory")
                .with("count", f.free_gb_seconds)
                .with("memory_second", unit(&f.memory_unit)),
        ];
        if f.free_vcpu_seconds > 0.0 {
            free.push(Message::key("formula-free-vcpu").with("count", f.free_vcpu_seconds));
        }
        parts.push(Message::key("formula-functions-free").with("free", free));
    }
    Message::key("formula-parts").with("parts", MessageArg::Parts { parts })
}

fn containers_formula(prices: &PriceTable) -> Message {
    let (c, a) = (&prices.managed_containers, &prices.assumptions);
    Message::key(if c.per_million_requests > 0.0 { "formula-containers-requests" } else { "formula-containers" })
        .with("min_instances", a.min_instances as f64)
        .with("min_vcpu", exact(c.min_vcpu))
        .with("cpu_share", exact(a.cpu_share))
        .with("utilisation", exact(a.utilisation_target))
        .with("gb_per_vcpu", exact(c.gb_per_vcpu))
        .with("per_vcpu_hour", exact(c.per_vcpu_hour))
        .with("per_gb_hour", exact(c.per_gb_hour))
        .with("hours", exact(prices.hours_per_month))
        .with("per_million", exact(c.per_million_requests))
}

fn machines_formula(prices: &PriceTable) -> Message {
    let a = &prices.assumptions;
    let fleet = Message::key("formula-machines")
        .with("utilisation", exact(a.utilisation_target))
        .with("min_instances", a.min_instances as f64)
        .with("hours", exact(prices.hours_per_month));
    let mut parts = vec![fleet];
    if let Some(o) = &prices.on_premises {
        parts.push(
            Message::key("formula-machines-own")
                .with("months", o.amortisation_years * 12.0)
                .with("hours", exact(prices.hours_per_month))
                .with("per_kwh", exact(o.usd_per_kwh))
                .with("pue", exact(o.pue))
                .with("per_ops_hour", exact(o.ops_usd_per_hour)),
        );
    }
    Message::key("formula-parts").with("parts", MessageArg::Parts { parts })
}

/// A price or factor written with every digit it has (a per-second price has many).
fn exact(n: f64) -> MessageArg {
    MessageArg::Exact { exact: n }
}

fn cents(usd: f64) -> f64 {
    (usd * 100.0).round() / 100.0
}

/// Points for being cheap: the cheapest option earns the full weight, the others less, with a
/// floor so that a few dollars' difference barely counts.
pub fn points(costs: &[f64; 4], weights: &CostWeights) -> [f64; 4] {
    let cheapest = costs.iter().copied().fold(f64::INFINITY, f64::min);
    costs.map(|c| weights.weight * (cheapest + weights.floor_usd) / (c + weights.floor_usd))
}

/// A reason for the cheapest option and one against each option that costs far more.
pub fn reasons(situation: &Situation, costs: &[f64; 4], weights: &CostWeights, excluded: &[bool; 4]) -> Vec<Reason> {
    let volume = requests_in_words(situation.number("monthly_requests"));
    let cheapest = (0..4).filter(|&i| !excluded[i]).min_by(|&a, &b| costs[a].total_cmp(&costs[b])).unwrap_or(1);
    let mut out = vec![Reason {
        answer: "monthly_requests".into(),
        effect: "+".into(),
        option: Execution::ALL[cheapest].as_str().into(),
        text: Message::key("reason-cheapest")
            .with("volume", volume.clone())
            .with("option", Execution::ALL[cheapest].label())
            .with("cost", usd(costs[cheapest]))
            .with("functions", usd(costs[0]))
            .with("containers", usd(costs[1]))
            .with("machines", usd(costs[3])),
    }];
    for i in 0..4 {
        let c = costs[i];
        if !excluded[i] && c > costs[cheapest] * weights.expensive_ratio && c - costs[cheapest] > weights.notable_usd {
            out.push(Reason {
                answer: "monthly_requests".into(),
                effect: "-".into(),
                option: Execution::ALL[i].as_str().into(),
                text: Message::key("reason-expensive")
                    .with("volume", volume.clone())
                    .with("option", Execution::ALL[i].label())
                    .with("cost", usd(c))
                    .with("times", (c / costs[cheapest].max(0.01)).round()),
            });
        }
    }
    out
}

/// A request count for people: "1.2 million requests", "350 thousand requests".
pub fn requests_in_words(n: f64) -> MessageArg {
    let (value, unit) = if n >= 1e9 {
        (n / 1e9, "requests-billions")
    } else if n >= 1e6 {
        (n / 1e6, "requests-millions")
    } else if n >= 1e4 {
        (n / 1e3, "requests-thousands")
    } else {
        return Message::key("requests-count").with("count", n.round()).into();
    };
    let rounded = if value >= 100.0 { value.round() } else { (value * 10.0).round() / 10.0 };
    Message::key(unit).with("count", rounded).into()
}
