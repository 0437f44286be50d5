//! The cost model's part in the recommendation: prices for the visitor's traffic, the points
//! each execution option earns for being cheap, and the reasons that say so.

use std::collections::BTreeMap;

use crate::domain::answers::plain_number;
use crate::domain::cost::{break_even_monthly_requests, monthly_cost, usd, PriceTable, Workload};
use crate::domain::recommendation::{CostAssumptions, CostResult, Execution, MonthlyUsd, Reason};
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

/// Prices the visitor's workload on every option.
pub fn price(situation: &Situation, prices: &PriceTable, options: CostOptions) -> Costed {
    let workload = workload(situation, options);
    let mut cost = monthly_cost(&workload, prices);
    // A platform team already runs a cluster: one more workload adds nodes, not a control plane.
    let control_plane_included = situation.ops_maturity() != OpsMaturity::Platform;
    if !control_plane_included {
        cost.kubernetes = cost.virtual_machines;
    }
    let a = &prices.assumptions;
    let formulas = BTreeMap::from([
        (
            "functions".to_string(),
            format!(
                "requests × ${}/1M + requests × duration (s) × memory (GB) × ${}/GB-s{}",
                prices.functions.per_million_requests,
                prices.functions.per_gb_second,
                if options.free_tier { ", less 1M requests and 400,000 GB-s free each month" } else { "" }
            ),
        ),
        (
            "managed_containers".to_string(),
            format!(
                "vCPU = max({} × {}, peak requests/s × duration (s) × CPU share {} ÷ utilisation {}); \
                 memory = max(vCPU × {} GB, one handler); cost = (vCPU × ${}/h + GB × ${}/h) × {} h",
                a.min_instances,
                prices.managed_containers.min_vcpu,
                a.cpu_share,
                a.utilisation_target,
                prices.managed_containers.gb_per_vcpu,
                prices.managed_containers.per_vcpu_hour,
                prices.managed_containers.per_gb_hour,
                prices.hours_per_month
            ),
        ),
        (
            "virtual_machines".to_string(),
            format!(
                "the cheapest fleet of one size whose sustained vCPU covers the peak CPU ÷ utilisation {}, \
                 at least {} instance(s), × hourly price × {} h",
                a.utilisation_target, a.min_instances, prices.hours_per_month
            ),
        ),
    ]);
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
            kubernetes_control_plane_included: control_plane_included,
            formulas,
        },
    };
    Costed { per_option: [cost.functions, cost.managed_containers, cost.kubernetes, cost.virtual_machines], result }
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
