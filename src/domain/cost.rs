//! The monthly compute cost of one workload on functions, managed containers, Kubernetes and
//! virtual machines, from a dated price table.
//!
//! Functions bill every request's full wall time. Containers and VMs serve many requests at
//! once, so they are sized by the CPU the work really uses (`cpu_share` of the duration) at the
//! peak, at a target utilisation, and billed for every hour of the month.

use serde::{Deserialize, Serialize};

/// The price facts and sizing assumptions, read from `src/domain/data/prices.toml` or an override.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceTable {
    pub as_of: String,
    pub region: String,
    pub currency: String,
    pub hours_per_month: f64,
    pub functions: FunctionPrices,
    pub managed_containers: ContainerPrices,
    pub kubernetes: KubernetesPrices,
    pub virtual_machines: Vec<VmSize>,
    pub assumptions: SizingAssumptions,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunctionPrices {
    pub per_million_requests: f64,
    pub per_gb_second: f64,
    pub free_requests: f64,
    pub free_gb_seconds: f64,
    pub max_duration_ms: f64,
    pub min_memory_mb: u32,
    pub max_memory_mb: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContainerPrices {
    pub per_vcpu_hour: f64,
    pub per_gb_hour: f64,
    pub min_vcpu: f64,
    pub gb_per_vcpu: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KubernetesPrices {
    pub control_plane_hour: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VmSize {
    pub name: String,
    pub per_hour: f64,
    pub vcpu: f64,
    pub memory_gb: f64,
    pub sustained_vcpu: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SizingAssumptions {
    pub cpu_share: f64,
    pub utilisation_target: f64,
    pub min_instances: u32,
}

/// The price table shipped with this build.
pub const DEFAULT_PRICES_TOML: &str = include_str!("data/prices.toml");

impl PriceTable {
    /// Parses and checks a price table.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let table: PriceTable = toml::from_str(text).map_err(|e| e.to_string())?;
        let a = &table.assumptions;
        if !(a.cpu_share > 0.0 && a.cpu_share <= 1.0) {
            return Err("assumptions.cpu_share must be in (0, 1]".into());
        }
        if !(a.utilisation_target > 0.0 && a.utilisation_target <= 1.0) {
            return Err("assumptions.utilisation_target must be in (0, 1]".into());
        }
        if table.virtual_machines.is_empty() {
            return Err("at least one [[virtual_machines]] size is needed".into());
        }
        Ok(table)
    }

    /// The price table shipped with this build.
    pub fn default_table() -> Self {
        Self::from_toml(DEFAULT_PRICES_TOML).expect("the shipped price table is valid")
    }
}

/// What the visitor runs: their traffic, in the guide's terms.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workload {
    pub monthly_requests: f64,
    pub avg_duration_ms: f64,
    pub memory_mb: u32,
    pub peak_to_average: f64,
    /// Whether the functions' monthly free tier is subtracted.
    pub free_tier: bool,
}

/// Monthly cost in USD per execution model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthlyCost {
    pub functions: f64,
    pub managed_containers: f64,
    pub kubernetes: f64,
    pub virtual_machines: f64,
    /// The VM size and count behind `virtual_machines`, e.g. "2 × m5.large".
    pub vm_fleet: String,
    /// The vCPUs provisioned for containers.
    pub container_vcpu: f64,
}

/// Prices the workload on every execution model.
///
/// ```
/// use archguide::domain::cost::{monthly_cost, PriceTable, Workload};
/// let prices = PriceTable::default_table();
/// let quiet = Workload { monthly_requests: 100_000.0, avg_duration_ms: 100.0, memory_mb: 512,
///                        peak_to_average: 10.0, free_tier: false };
/// let cost = monthly_cost(&quiet, &prices);
/// assert!(cost.functions < cost.managed_containers); // idle most of the time: pay per use wins
/// ```
pub fn monthly_cost(workload: &Workload, prices: &PriceTable) -> MonthlyCost {
    let (vm_cost, vm_fleet) = virtual_machines(workload, prices);
    let containers = managed_containers(workload, prices);
    MonthlyCost {
        functions: functions(workload, prices),
        managed_containers: containers.0,
        kubernetes: vm_cost + prices.kubernetes.control_plane_hour * prices.hours_per_month,
        virtual_machines: vm_cost,
        vm_fleet,
        container_vcpu: containers.1,
    }
}

/// Lambda: requests × price per request + requests × seconds × GB × price per GB-second,
/// less the free tier when it applies.
pub fn functions(workload: &Workload, prices: &PriceTable) -> f64 {
    let f = &prices.functions;
    let requests = workload.monthly_requests.max(0.0);
    let gb_seconds = requests * (workload.avg_duration_ms / 1000.0) * (workload.memory_mb as f64 / 1024.0);
    let (billable_requests, billable_gb_seconds) = if workload.free_tier {
        ((requests - f.free_requests).max(0.0), (gb_seconds - f.free_gb_seconds).max(0.0))
    } else {
        (requests, gb_seconds)
    };
    billable_requests * f.per_million_requests / 1_000_000.0 + billable_gb_seconds * f.per_gb_second
}

/// The CPU (in vCPUs) the workload keeps busy at its peak.
pub fn peak_cpu_demand(workload: &Workload, prices: &PriceTable) -> f64 {
    let seconds_per_month = prices.hours_per_month * 3600.0;
    let average_per_second = workload.monthly_requests.max(0.0) / seconds_per_month;
    let peak_per_second = average_per_second * workload.peak_to_average.max(1.0);
    peak_per_second * (workload.avg_duration_ms / 1000.0) * prices.assumptions.cpu_share
}

/// Fargate, provisioned for the peak at the target utilisation: vCPU-hours plus GB-hours.
/// Returns the cost and the vCPUs provisioned.
fn managed_containers(workload: &Workload, prices: &PriceTable) -> (f64, f64) {
    let c = &prices.managed_containers;
    let a = &prices.assumptions;
    let vcpu = (peak_cpu_demand(workload, prices) / a.utilisation_target).max(c.min_vcpu * a.min_instances as f64);
    let gb = (vcpu * c.gb_per_vcpu).max(workload.memory_mb as f64 / 1024.0);
    let cost = (vcpu * c.per_vcpu_hour + gb * c.per_gb_hour) * prices.hours_per_month;
    (cost, vcpu)
}

/// The cheapest fleet of one VM size that carries the peak at the target utilisation.
fn virtual_machines(workload: &Workload, prices: &PriceTable) -> (f64, String) {
    let needed = peak_cpu_demand(workload, prices) / prices.assumptions.utilisation_target;
    let handler_gb = workload.memory_mb as f64 / 1024.0;
    let min = prices.assumptions.min_instances.max(1) as f64;
    prices
        .virtual_machines
        .iter()
        .filter(|size| size.memory_gb >= handler_gb)
        .map(|size| {
            let count = (needed / size.sustained_vcpu).ceil().max(min);
            (count * size.per_hour * prices.hours_per_month, format!("{count} × {}", size.name))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .unwrap_or_else(|| (f64::INFINITY, "no size has enough memory".into()))
}

/// The monthly request volume above which managed containers cost less than functions, with
/// everything else about the workload unchanged; `None` when functions stay cheaper up to the
/// guide's limit of 10¹² requests (or are never cheaper).
pub fn break_even_monthly_requests(workload: &Workload, prices: &PriceTable) -> Option<f64> {
    let at = |requests: f64| {
        let w = Workload { monthly_requests: requests, ..*workload };
        functions(&w, prices) - managed_containers(&w, prices).0
    };
    let (mut low, mut high) = (1.0_f64, 1e12_f64);
    if at(low) >= 0.0 || at(high) <= 0.0 {
        return None;
    }
    // Bisection in log space: functions are cheaper at `low`, containers at `high`.
    for _ in 0..200 {
        let mid = (low * high).sqrt();
        if at(mid) < 0.0 {
            low = mid;
        } else {
            high = mid;
        }
        if high / low < 1.0001 {
            break;
        }
    }
    Some(high.round())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workload(requests: f64) -> Workload {
        Workload {
            monthly_requests: requests,
            avg_duration_ms: 200.0,
            memory_mb: 512,
            peak_to_average: 3.0,
            free_tier: false,
        }
    }

    #[test]
    fn functions_follow_the_lambda_formula() {
        let prices = PriceTable::default_table();
        // 10M requests × 0.2 s × 0.5 GB = 1M GB-s.
        let cost = functions(&workload(10_000_000.0), &prices);
        let expected = 10.0 * 0.20 + 1_000_000.0 * 0.0000166667;
        assert!((cost - expected).abs() < 1e-9, "{cost} vs {expected}");
    }

    #[test]
    fn the_free_tier_subtracts_a_million_requests_and_400k_gb_seconds() {
        let prices = PriceTable::default_table();
        let w = Workload { free_tier: true, ..workload(10_000_000.0) };
        let expected = 9.0 * 0.20 + 600_000.0 * 0.0000166667;
        assert!((functions(&w, &prices) - expected).abs() < 1e-9);
        let tiny = Workload { free_tier: true, ..workload(500_000.0) };
        assert_eq!(functions(&tiny, &prices), 0.0);
    }

    #[test]
    fn containers_cost_at_least_one_small_task_all_month() {
        let prices = PriceTable::default_table();
        let idle = monthly_cost(&workload(0.0), &prices);
        let floor = (0.25 * 0.04048 + 0.5 * 0.004445) * 730.0;
        assert!((idle.managed_containers - floor).abs() < 1e-6, "{}", idle.managed_containers);
        assert_eq!(idle.functions, 0.0);
        assert_eq!(idle.vm_fleet, "1 × t3.micro");
    }

    #[test]
    fn steady_high_load_is_cheaper_on_provisioned_capacity() {
        let prices = PriceTable::default_table();
        let steady = Workload { peak_to_average: 1.5, ..workload(2_000_000_000.0) };
        let cost = monthly_cost(&steady, &prices);
        assert!(cost.managed_containers < cost.functions, "{cost:?}");
        assert!(cost.virtual_machines < cost.functions, "{cost:?}");
    }

    #[test]
    fn break_even_is_where_the_two_costs_meet() {
        let prices = PriceTable::default_table();
        let w = workload(1.0);
        let at = break_even_monthly_requests(&w, &prices).expect("a break-even exists");
        let below = Workload { monthly_requests: at * 0.9, ..w };
        let above = Workload { monthly_requests: at * 1.1, ..w };
        assert!(functions(&below, &prices) < monthly_cost(&below, &prices).managed_containers);
        assert!(functions(&above, &prices) > monthly_cost(&above, &prices).managed_containers);
    }

    #[test]
    fn a_handler_bigger_than_small_vms_gets_a_bigger_size() {
        let prices = PriceTable::default_table();
        let w = Workload { memory_mb: 6144, ..workload(1_000.0) };
        assert_eq!(monthly_cost(&w, &prices).vm_fleet, "1 × m5.large");
    }

    #[test]
    fn a_bad_price_table_is_refused() {
        let broken = DEFAULT_PRICES_TOML.replace("cpu_share = 0.1", "cpu_share = 0");
        assert!(PriceTable::from_toml(&broken).is_err());
        assert!(PriceTable::from_toml("as_of = 1").is_err());
    }
}

/// Dollars for people: cents below $10, whole dollars above.
pub fn usd(amount: f64) -> String {
    if amount < 10.0 {
        format!("${amount:.2}")
    } else {
        format!("${}", super::answers::plain_number(amount.round()))
    }
}

/// The monthly cost of the workload at `samples` request volumes spread evenly on a log scale
/// from `from` to `to` requests a month, everything else unchanged: the data of the cost chart.
pub fn cost_curve(
    workload: &Workload,
    prices: &PriceTable,
    from: f64,
    to: f64,
    samples: usize,
) -> Vec<(f64, MonthlyCost)> {
    let (lo, hi) = (from.max(1.0).ln(), to.max(from.max(1.0) * 10.0).ln());
    (0..samples.max(2))
        .map(|i| {
            let requests = (lo + (hi - lo) * i as f64 / (samples.max(2) - 1) as f64).exp();
            (requests, monthly_cost(&Workload { monthly_requests: requests, ..*workload }, prices))
        })
        .collect()
}

#[cfg(test)]
mod curve_tests {
    use super::*;

    #[test]
    fn the_curve_spans_the_range_and_grows_with_volume() {
        let prices = PriceTable::default_table();
        let w = Workload {
            monthly_requests: 1e6,
            avg_duration_ms: 200.0,
            memory_mb: 512,
            peak_to_average: 3.0,
            free_tier: false,
        };
        let curve = cost_curve(&w, &prices, 1e3, 1e9, 25);
        assert_eq!(curve.len(), 25);
        assert!((curve[0].0 - 1e3).abs() < 1e-6 && (curve[24].0 - 1e9).abs() / 1e9 < 1e-9);
        assert!(curve.windows(2).all(|p| p[1].1.functions >= p[0].1.functions));
        assert!(curve.windows(2).all(|p| p[1].1.managed_containers >= p[0].1.managed_containers));
    }
}
