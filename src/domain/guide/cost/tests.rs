//! The cost formulas against hand-computed figures, for each provider's table.

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
fn a_bad_price_book_is_refused_with_the_place_named() {
    let broken = DEFAULT_PRICES_TOML.replace("cpu_share = 0.1", "cpu_share = 0");
    assert!(PriceBook::from_toml(&broken).unwrap_err().contains("cpu_share"));
    assert!(PriceBook::from_toml("as_of = 1").is_err());
    let undated = DEFAULT_PRICES_TOML.replacen("as_of = \"2026-12-02\"", "as_of = \"last week\"", 1);
    assert!(PriceBook::from_toml(&undated).unwrap_err().contains("AWS Lambda"));
    let unknown = DEFAULT_PRICES_TOML.replace("[clouds.gcp]", "[clouds.oracle]");
    assert!(PriceBook::from_toml(&unknown).is_err());
}

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

fn table(cloud: Cloud, on_premises: bool) -> PriceTable {
    PriceBook::default_book().table(cloud, on_premises).clone()
}

#[test]
fn azure_functions_bill_at_least_100_ms_a_run_at_their_own_gb_second_price() {
    let prices = table(Cloud::Azure, false);
    let w = Workload { avg_duration_ms: 50.0, ..workload(10_000_000.0) };
    // 10M executions × 0.1 s (the minimum) × 0.5 GB = 500,000 GB-s.
    let expected = 10.0 * 0.20 + 500_000.0 * 0.000016;
    assert!((functions(&w, &prices) - expected).abs() < 1e-9, "{}", functions(&w, &prices));
    assert_eq!(prices.functions.max_memory_mb, 1536);
}

#[test]
fn cloud_run_functions_bill_cpu_with_the_memory_and_free_cpu_seconds_too() {
    let prices = table(Cloud::Gcp, false);
    // 10M × 0.2 s = 2M s; 512 MB gets 0.333 vCPU.
    let expected = 10.0 * 0.40 + 2_000_000.0 * 0.5 * 0.0000025 + 2_000_000.0 * 0.333 * 0.000024;
    assert!((functions(&workload(10_000_000.0), &prices) - expected).abs() < 1e-9);
    let free = Workload { free_tier: true, ..workload(10_000_000.0) };
    let expected_free = 8.0 * 0.40 + (1_000_000.0 - 360_000.0) * 0.0000025 + (666_000.0 - 180_000.0) * 0.000024;
    assert!((functions(&free, &prices) - expected_free).abs() < 1e-6, "{}", functions(&free, &prices));
    assert_eq!(prices.functions.vcpu_for(3000), 2.0);
    assert_eq!(prices.functions.vcpu_for(100_000), 8.0);
}

#[test]
fn each_cloud_floors_its_containers_at_its_own_smallest_always_on_instance() {
    let idle = |cloud| monthly_cost(&workload(0.0), &table(cloud, false)).managed_containers;
    assert!((idle(Cloud::Aws) - (0.25 * 0.04048 + 0.5 * 0.004445) * 730.0).abs() < 1e-6);
    assert!((idle(Cloud::Azure) - (0.25 * 0.0864 + 0.5 * 0.0108) * 730.0).abs() < 1e-6);
    // Cloud Run needs a whole vCPU to serve requests concurrently.
    assert!((idle(Cloud::Gcp) - (1.0 * 0.0648 + 0.5 * 0.0072) * 730.0).abs() < 1e-6);
    let busy = monthly_cost(&workload(100_000_000.0), &table(Cloud::Azure, false));
    let without_fee =
        monthly_cost(&Workload { monthly_requests: 100_000_000.0, ..workload(0.0) }, &table(Cloud::Aws, false));
    assert!(busy.managed_containers > without_fee.managed_containers, "Azure adds $0.40 per million requests");
}

#[test]
fn each_cloud_names_its_products_and_sources_with_a_date() {
    for cloud in Cloud::ALL {
        let t = table(*cloud, false);
        for about in [&t.functions.about, &t.managed_containers.about, &t.kubernetes.about, &t.virtual_machines.about] {
            assert!(about.source.starts_with("https://"), "{cloud}: {about:?}");
            assert_eq!(about.as_of.len(), 10, "{cloud}: {about:?}");
            assert!(!about.product.is_empty());
        }
        assert!(t.on_premises.is_none());
    }
    assert_eq!(table(Cloud::Azure, false).virtual_machines.sizes[0].name, "B1s");
    assert_eq!(table(Cloud::Gcp, false).virtual_machines.sizes[0].name, "e2-micro");
}

#[test]
fn own_servers_cost_their_write_off_power_and_operations_time() {
    let prices = table(Cloud::Aws, true);
    let terms = prices.on_premises.clone().expect("on-premises terms");
    // The smallest server: $3,500 over 60 months, 120 W × 730 h × $0.13 × 1.5, 2 h × $90.
    let month = 3_500.0 / 60.0 + 0.120 * 730.0 * 0.13 * 1.5 + 2.0 * 90.0;
    let cost = monthly_cost(&workload(1_000.0), &prices);
    assert!((cost.virtual_machines - month).abs() < 1e-6, "{cost:?}");
    assert_eq!(cost.vm_fleet, "1 × 1U server, 8 cores, 32 GB");
    let cluster = 3.0 * month + 16.0 * 90.0;
    assert!((cost.kubernetes - (month + cluster)).abs() < 1e-6, "{cost:?}");
    assert_eq!(terms.amortisation_years, 5.0);
    // The managed options keep the cloud's prices, for reference.
    assert_eq!(prices.functions, table(Cloud::Aws, false).functions);
}
