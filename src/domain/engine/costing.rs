//! The cost model's part in the recommendation: prices for the visitor's traffic, the points
//! each execution option earns for being cheap, and the reasons that say so.

use std::collections::BTreeMap;

use crate::domain::answers::plain_number;
use crate::domain::cost::{break_even_monthly_requests, monthly_cost, usd, MonthlyCost, PriceTable, Workload};
use crate::domain::recommendation::{CostAssumptions, CostResult, Execution, MonthlyUsd, PriceSource, Reason};
use crate::domain::situation::{OpsMaturity, Situation};

use super::model::CostWeights;
use super::CostOptions;

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

fn functions_formula(prices: &PriceTable, free_tier: bool) -> String {
    let f = &prices.functions;
    let memory = f.memory_unit.trim_end_matches("-second");
    let mut text = format!(
        "{} × ${}/1M + {} × duration (s) × memory ({memory}) × ${}/{}",
        f.request_unit, f.per_million_requests, f.request_unit, f.per_gb_second, f.memory_unit
    );
    if f.per_vcpu_second > 0.0 {
        text += &format!(" + {} × duration (s) × vCPU × ${}/vCPU-second", f.request_unit, f.per_vcpu_second);
    }
    if f.min_billed_ms > 1.0 {
        text += &format!("; each run billed for at least {} ms", plain_number(f.min_billed_ms));
    }
    if free_tier {
        let mut free = vec![
            format!("{} {}", requests_in_words(f.free_requests), f.request_unit),
            format!("{} {}s", plain_number(f.free_gb_seconds), f.memory_unit),
        ];
        if f.free_vcpu_seconds > 0.0 {
            free.push(format!("{} vCPU-seconds", plain_number(f.free_vcpu_seconds)));
        }
        text += &format!("; less {} free each month", free.join(", "));
    }
    text
}

fn containers_formula(prices: &PriceTable) -> String {
    let (c, a) = (&prices.managed_containers, &prices.assumptions);
    let mut text = format!(
        "vCPU = max({} × {}, peak requests/s × duration (s) × CPU share {} ÷ utilisation {}); \
         memory = max(vCPU × {} GB, one handler); cost = (vCPU × ${}/h + GB × ${}/h) × {} h",
        a.min_instances,
        c.min_vcpu,
        a.cpu_share,
        a.utilisation_target,
        c.gb_per_vcpu,
        c.per_vcpu_hour,
        c.per_gb_hour,
        prices.hours_per_month
    );
    if c.per_million_requests > 0.0 {
        text += &format!(" + requests × ${}/1M", c.per_million_requests);
    }
    text
}

fn machines_formula(prices: &PriceTable) -> String {
    let a = &prices.assumptions;
    let mut text = format!(
        "the cheapest fleet of one size whose sustained vCPU covers the peak CPU ÷ utilisation {}, \
         at least {} instance(s), × hourly price × {} h",
        a.utilisation_target, a.min_instances, prices.hours_per_month
    );
    if let Some(o) = &prices.on_premises {
        text += &format!(
            "; a server's month = its price ÷ {} months + its watts × {} h × ${}/kWh × PUE {} + its \
             operations hours × ${}/h",
            plain_number(o.amortisation_years * 12.0),
            prices.hours_per_month,
            o.usd_per_kwh,
            o.pue,
            o.ops_usd_per_hour
        );
    }
    text
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
        text: format!(
            "At {volume} requests a month, {} is the cheapest option open to you: about {} a month \
             (functions {}, managed containers {}, virtual machines {}).",
            Execution::ALL[cheapest].label(),
            usd(costs[cheapest]),
            usd(costs[0]),
            usd(costs[1]),
            usd(costs[3]),
        ),
    }];
    for i in 0..4 {
        let c = costs[i];
        if !excluded[i] && c > costs[cheapest] * weights.expensive_ratio && c - costs[cheapest] > weights.notable_usd {
            out.push(Reason {
                answer: "monthly_requests".into(),
                effect: "-".into(),
                option: Execution::ALL[i].as_str().into(),
                text: format!(
                    "At {volume} requests a month, {} would cost about {} a month, {:.0}× the cheapest.",
                    Execution::ALL[i].label(),
                    usd(c),
                    c / costs[cheapest].max(0.01)
                ),
            });
        }
    }
    out
}

/// A request count for people: "1.2 million", "350 thousand", "4 billion".
pub fn requests_in_words(n: f64) -> String {
    let (value, unit) = if n >= 1e9 {
        (n / 1e9, " billion")
    } else if n >= 1e6 {
        (n / 1e6, " million")
    } else if n >= 1e4 {
        (n / 1e3, " thousand")
    } else {
        return plain_number(n.round());
    };
    let rounded = if value >= 100.0 { value.round() } else { (value * 10.0).round() / 10.0 };
    format!("{}{unit}", plain_number(rounded))
}
