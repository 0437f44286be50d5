//! The monthly compute cost of one workload on functions, managed containers, Kubernetes and
//! virtual machines, from one provider's dated price table (see `book` for where tables come from).
//!
//! Functions bill every request's full wall time. Containers and VMs serve many requests at
//! once, so they are sized by the CPU the work really uses (`cpu_share` of the duration) at the
//! peak, at a target utilisation, and billed for every hour of the month.

mod book;

use serde::{Deserialize, Serialize};

pub use book::{Cloud, OnPremisesTerms, PriceBook, PriceSection, DEFAULT_PRICES_TOML};

/// Where a section's prices come from: the product, the provider's pricing page, the date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct About {
    pub product: String,
    pub source: String,
    pub as_of: String,
}

/// One provider's prices, resolved for one visitor: the cloud's managed options and either the
/// cloud's or your own servers for the self-run ones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceTable {
    /// The oldest date among the sections in this table.
    pub as_of: String,
    pub region: String,
    pub currency: String,
    pub hours_per_month: f64,
    pub cloud: Cloud,
    /// The provider's name, e.g. "Microsoft Azure".
    pub provider: String,
    /// Virtual machines and Kubernetes are priced as your own servers.
    pub on_premises: Option<OnPremisesTerms>,
    pub functions: FunctionPrices,
    pub managed_containers: ContainerPrices,
    pub kubernetes: KubernetesPrices,
    pub virtual_machines: VmPrices,
    pub assumptions: SizingAssumptions,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FunctionPrices {
    #[serde(flatten)]
    pub about: About,
    /// What the provider calls a billed call: "requests", "executions".
    pub request_unit: String,
    /// What the provider calls its memory-time unit: "GB-second", "GiB-second".
    pub memory_unit: String,
    pub per_million_requests: f64,
    pub per_gb_second: f64,
    /// Charged on top of memory-time where the provider bills CPU separately.
    #[serde(default)]
    pub per_vcpu_second: f64,
    pub free_requests: f64,
    pub free_gb_seconds: f64,
    #[serde(default)]
    pub free_vcpu_seconds: f64,
    /// The shortest time a run is billed for.
    #[serde(default)]
    pub min_billed_ms: f64,
    pub max_duration_ms: f64,
    pub max_memory_mb: u32,
    /// `[memory in MB, vCPU]` steps where the vCPU comes with the memory chosen.
    #[serde(default)]
    pub vcpu_by_memory: Vec<[f64; 2]>,
}

impl FunctionPrices {
    /// The vCPU a function with this much memory gets (0 where CPU is not billed apart).
    pub fn vcpu_for(&self, memory_mb: u32) -> f64 {
        let memory = memory_mb as f64;
        self.vcpu_by_memory
            .iter()
            .find(|[mb, _]| *mb >= memory)
            .or(self.vcpu_by_memory.last())
            .map_or(0.0, |[_, vcpu]| *vcpu)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContainerPrices {
    #[serde(flatten)]
    pub about: About,
    pub per_vcpu_hour: f64,
    pub per_gb_hour: f64,
    #[serde(default)]
    pub per_million_requests: f64,
    pub min_vcpu: f64,
    pub gb_per_vcpu: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KubernetesPrices {
    #[serde(flatten)]
    pub about: About,
    pub control_plane_hour: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VmPrices {
    #[serde(flatten)]
    pub about: About,
    pub sizes: Vec<VmSize>,
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

impl PriceTable {
    /// AWS's table from the shipped price book.
    pub fn default_table() -> Self {
        PriceBook::default_book().table(Cloud::Aws, false).clone()
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
/// use archguide::domain::guide::cost::{monthly_cost, PriceTable, Workload};
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

/// Requests × price per request + billed seconds × (GB × price per GB-second + vCPU × price per
/// vCPU-second), less the free tier when it applies.
pub fn functions(workload: &Workload, prices: &PriceTable) -> f64 {
    let f = &prices.functions;
    let requests = workload.monthly_requests.max(0.0);
    let seconds = requests * workload.avg_duration_ms.max(f.min_billed_ms) / 1000.0;
    let gb_seconds = seconds * (workload.memory_mb as f64 / 1024.0);
    let vcpu_seconds = seconds * f.vcpu_for(workload.memory_mb);
    let less = |used: f64, free: f64| if workload.free_tier { (used - free).max(0.0) } else { used };
    less(requests, f.free_requests) * f.per_million_requests / 1_000_000.0
        + less(gb_seconds, f.free_gb_seconds) * f.per_gb_second
        + less(vcpu_seconds, f.free_vcpu_seconds) * f.per_vcpu_second
}
/// The CPU (in vCPUs) the workload keeps busy at its peak.
pub fn peak_cpu_demand(workload: &Workload, prices: &PriceTable) -> f64 {
    let seconds_per_month = prices.hours_per_month * 3600.0;
    let average_per_second = workload.monthly_requests.max(0.0) / seconds_per_month;
    let peak_per_second = average_per_second * workload.peak_to_average.max(1.0);
    peak_per_second * (workload.avg_duration_ms / 1000.0) * prices.assumptions.cpu_share
}

/// Managed containers, provisioned for the peak at the target utilisation: vCPU-hours plus
/// GB-hours (plus a request fee where the provider charges one). Returns the cost and the vCPUs
/// provisioned.
fn managed_containers(workload: &Workload, prices: &PriceTable) -> (f64, f64) {
    let c = &prices.managed_containers;
    let a = &prices.assumptions;
    let vcpu = (peak_cpu_demand(workload, prices) / a.utilisation_target).max(c.min_vcpu * a.min_instances as f64);
    let gb = (vcpu * c.gb_per_vcpu).max(workload.memory_mb as f64 / 1024.0);
    let cost = (vcpu * c.per_vcpu_hour + gb * c.per_gb_hour) * prices.hours_per_month
        + workload.monthly_requests.max(0.0) * c.per_million_requests / 1_000_000.0;
    (cost, vcpu)
}

/// The cheapest fleet of one VM size that carries the peak at the target utilisation.
fn virtual_machines(workload: &Workload, prices: &PriceTable) -> (f64, String) {
    let needed = peak_cpu_demand(workload, prices) / prices.assumptions.utilisation_target;
    let handler_gb = workload.memory_mb as f64 / 1024.0;
    let min = prices.assumptions.min_instances.max(1) as f64;
    prices
        .virtual_machines
        .sizes
        .iter()
        .filter(|size| size.memory_gb >= handler_gb)
        .map(|size| {
            let count = (needed / size.sustained_vcpu).ceil().max(min);
            (count * size.per_hour * prices.hours_per_month, count, size)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(cost, count, size)| (cost, format!("{count} × {}", size.name)))
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

/// Dollars for people: cents below $10, whole dollars above.
pub fn usd(amount: f64) -> String {
    if amount < 10.0 {
        format!("${amount:.2}")
    } else {
        format!("${}", crate::domain::guide::answers::plain_number(amount.round()))
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
mod tests;
