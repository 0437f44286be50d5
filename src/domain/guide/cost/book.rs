//! The price book: one table per cloud provider and one for your own servers, read from
//! `src/domain/data/prices.toml` (or a file that replaces it), checked, and resolved into the
//! six tables a visitor can get (three clouds, each with or without running on premises).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    About, ContainerPrices, FunctionPrices, KubernetesPrices, PriceTable, SizingAssumptions, VmPrices, VmSize,
};
use crate::domain::choice::choice_enum;

/// The price book shipped with this build.
pub const DEFAULT_PRICES_TOML: &str = include_str!("../../data/prices.toml");

choice_enum!(
    /// Whose prices the cost comparison uses.
    Cloud { Aws = "aws", Azure = "azure", Gcp = "gcp" }
);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook {
    currency: String,
    hours_per_month: f64,
    assumptions: SizingAssumptions,
    clouds: BTreeMap<String, RawCloud>,
    on_premises: RawOnPremises,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCloud {
    name: String,
    region: String,
    functions: FunctionPrices,
    managed_containers: ContainerPrices,
    kubernetes: KubernetesPrices,
    virtual_machines: VmPrices,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOnPremises {
    name: String,
    source: String,
    as_of: String,
    amortisation_years: f64,
    usd_per_kwh: f64,
    pue: f64,
    ops_usd_per_hour: f64,
    kubernetes_control_plane_servers: u32,
    kubernetes_ops_hours_per_month: f64,
    servers: Vec<RawServer>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawServer {
    name: String,
    purchase_usd: f64,
    watts: f64,
    vcpu: f64,
    memory_gb: f64,
    sustained_vcpu: f64,
    ops_hours_per_month: f64,
}

/// The terms behind the prices of your own servers, shown with the figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OnPremisesTerms {
    pub amortisation_years: f64,
    pub usd_per_kwh: f64,
    pub pue: f64,
    pub ops_usd_per_hour: f64,
    pub kubernetes_control_plane_servers: u32,
    pub kubernetes_ops_hours_per_month: f64,
}

/// Every table a visitor can get, resolved once.
#[derive(Clone, Debug, PartialEq)]
pub struct PriceBook {
    /// Indexed by `Cloud` position, then by "on premises".
    tables: Vec<[PriceTable; 2]>,
}

impl PriceBook {
    /// Parses and checks a price book.
    pub fn from_toml(text: &str) -> Result<Self, String> {
        let raw: RawBook = toml::from_str(text).map_err(|e| e.to_string())?;
        check_assumptions(&raw.assumptions)?;
        for name in raw.clouds.keys() {
            Cloud::parse(name).ok_or(format!("clouds.{name}: not a cloud this guide knows (aws, azure, gcp)"))?;
        }
        let own = own_servers(&raw)?;
        let tables = Cloud::ALL
            .iter()
            .map(|cloud| {
                let c = raw.clouds.get(cloud.as_str()).ok_or(format!("clouds.{cloud}: missing"))?;
                check_cloud(*cloud, c)?;
                let in_cloud = PriceTable {
                    as_of: oldest([
                        &c.functions.about,
                        &c.managed_containers.about,
                        &c.kubernetes.about,
                        &c.virtual_machines.about,
                    ]),
                    region: c.region.clone(),
                    currency: raw.currency.clone(),
                    hours_per_month: raw.hours_per_month,
                    cloud: *cloud,
                    provider: c.name.clone(),
                    on_premises: None,
                    functions: c.functions.clone(),
                    managed_containers: c.managed_containers.clone(),
                    kubernetes: c.kubernetes.clone(),
                    virtual_machines: c.virtual_machines.clone(),
                    assumptions: raw.assumptions.clone(),
                };
                let on_premises = PriceTable {
                    as_of: oldest([&in_cloud.functions.about, &in_cloud.managed_containers.about, &own.1.about]),
                    on_premises: Some(own.0.clone()),
                    kubernetes: own.2.clone(),
                    virtual_machines: own.1.clone(),
                    ..in_cloud.clone()
                };
                Ok([in_cloud, on_premises])
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(PriceBook { tables })
    }

    /// Every section of the book with where its prices come from and the day they were read:
    /// each cloud's four products, then your own servers.
    pub fn sections(&self) -> Vec<PriceSection> {
        let mut sections = Vec::new();
        for pair in &self.tables {
            let t = &pair[0];
            for (product, about) in [
                ("functions", &t.functions.about),
                ("managed containers", &t.managed_containers.about),
                ("Kubernetes", &t.kubernetes.about),
                ("virtual machines", &t.virtual_machines.about),
            ] {
                sections.push(PriceSection::new(format!("{}: {product}", t.provider), about));
            }
        }
        if let Some(own) = self.tables.first().map(|pair| &pair[1]) {
            sections.push(PriceSection::new("Your own servers".to_string(), &own.virtual_machines.about));
        }
        sections
    }

    /// The price book shipped with this build.
    pub fn default_book() -> Self {
        Self::from_toml(DEFAULT_PRICES_TOML).expect("the shipped price book is valid")
    }

    /// The table for a cloud, with self-run options on your own servers or not.
    pub fn table(&self, cloud: Cloud, on_premises: bool) -> &PriceTable {
        let at = Cloud::ALL.iter().position(|c| *c == cloud).expect("every cloud has a table");
        &self.tables[at][usize::from(on_premises)]
    }
}

fn check_assumptions(a: &SizingAssumptions) -> Result<(), String> {
    if !(a.cpu_share > 0.0 && a.cpu_share <= 1.0) {
        return Err("assumptions.cpu_share must be in (0, 1]".into());
    }
    if !(a.utilisation_target > 0.0 && a.utilisation_target <= 1.0) {
        return Err("assumptions.utilisation_target must be in (0, 1]".into());
    }
    Ok(())
}

fn check_cloud(cloud: Cloud, c: &RawCloud) -> Result<(), String> {
    if c.virtual_machines.sizes.is_empty() {
        return Err(format!("clouds.{cloud}.virtual_machines: at least one size is needed"));
    }
    for about in [&c.functions.about, &c.managed_containers.about, &c.kubernetes.about, &c.virtual_machines.about] {
        check_date(&about.as_of).map_err(|e| format!("clouds.{cloud} ({}): {e}", about.product))?;
    }
    if c.functions.vcpu_by_memory.windows(2).any(|w| w[1][0] <= w[0][0]) {
        return Err(format!("clouds.{cloud}.functions.vcpu_by_memory: memory steps must grow"));
    }
    Ok(())
}

fn check_date(date: &str) -> Result<(), String> {
    let ok = date.len() == 10
        && date.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if ok {
        Ok(())
    } else {
        Err(format!("as_of must be a date like 2026-12-02, not '{date}'"))
    }
}

/// Dates as `YYYY-MM-DD` sort as text.
fn oldest<const N: usize>(abouts: [&About; N]) -> String {
    abouts.iter().map(|a| a.as_of.clone()).min().unwrap_or_default()
}

/// Your own servers as VM sizes (monthly cost spread over the month's hours) and the cluster on
/// top of them.
fn own_servers(raw: &RawBook) -> Result<(OnPremisesTerms, VmPrices, KubernetesPrices), String> {
    let o = &raw.on_premises;
    check_date(&o.as_of).map_err(|e| format!("on_premises: {e}"))?;
    if o.servers.is_empty() || o.amortisation_years <= 0.0 {
        return Err("on_premises: at least one server and a positive amortisation_years are needed".into());
    }
    let hours = raw.hours_per_month;
    let monthly = |s: &RawServer| {
        s.purchase_usd / (o.amortisation_years * 12.0)
            + s.watts / 1000.0 * hours * o.usd_per_kwh * o.pue
            + s.ops_hours_per_month * o.ops_usd_per_hour
    };
    let sizes = o
        .servers
        .iter()
        .map(|s| VmSize {
            name: s.name.clone(),
            per_hour: monthly(s) / hours,
            vcpu: s.vcpu,
            memory_gb: s.memory_gb,
            sustained_vcpu: s.sustained_vcpu,
        })
        .collect();
    let smallest = o.servers.iter().map(monthly).fold(f64::INFINITY, f64::min);
    let control_plane =
        o.kubernetes_control_plane_servers as f64 * smallest + o.kubernetes_ops_hours_per_month * o.ops_usd_per_hour;
    let about = |product: String| About { product, source: o.source.clone(), as_of: o.as_of.clone() };
    let terms = OnPremisesTerms {
        amortisation_years: o.amortisation_years,
        usd_per_kwh: o.usd_per_kwh,
        pue: o.pue,
        ops_usd_per_hour: o.ops_usd_per_hour,
        kubernetes_control_plane_servers: o.kubernetes_control_plane_servers,
        kubernetes_ops_hours_per_month: o.kubernetes_ops_hours_per_month,
    };
    let vms = VmPrices { about: about(o.name.clone()), sizes };
    let kubernetes =
        KubernetesPrices { about: about(format!("{}-kubernetes", o.name)), control_plane_hour: control_plane / hours };
    Ok((terms, vms, kubernetes))
}

/// A section of the price book as the model page and the dashboard show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceSection {
    pub name: String,
    pub source: String,
    /// The day the prices were read (YYYY-MM-DD).
    pub as_of: String,
}

impl PriceSection {
    fn new(name: String, about: &About) -> Self {
        PriceSection { name, source: about.source.clone(), as_of: about.as_of.clone() }
    }

    /// Whole days from the day the prices were read to `today` (none when the date is unreadable).
    pub fn age_days(&self, today: chrono::NaiveDate) -> Option<i64> {
        let read = chrono::NaiveDate::parse_from_str(&self.as_of, "%Y-%m-%d").ok()?;
        Some((today - read).num_days())
    }

    /// Whether the prices were read longer than `max_age` before `today` (or on a day that
    /// cannot be read): time to read them again.
    pub fn stale(&self, today: chrono::NaiveDate, max_age: crate::domain::period::Period) -> bool {
        let max_days = i64::try_from(max_age.as_secs() / 86_400).unwrap_or(i64::MAX);
        self.age_days(today).is_none_or(|age| age > max_days)
    }
}
