//! The engine's cost per call: `recommend` (which includes the cost model, the flip search and
//! the "what if" list, the engine run again for every other answer that could change a choice)
//! and `monthly_cost` alone, for a visitor who answered everything and one who answered nothing.
//! Run with `cargo bench --bench engine`.

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;
use std::hint::black_box;

use archguide::domain::guide::answers::Answers;
use archguide::domain::guide::cost::{monthly_cost, PriceTable, Workload};
use archguide::domain::guide::engine::recommend;

fn answers(value: serde_json::Value) -> Answers {
    Answers::from_json(value.as_object().unwrap()).unwrap()
}

fn engine(c: &mut Criterion) {
    let full = answers(json!({
        "stage": "growth", "starting_point": "monolith", "engineers": 40, "teams": 5, "load_shape": "variable",
        "monthly_requests": 300_000_000, "peak_to_average": 4, "avg_duration_ms": 120, "memory_mb": 1024,
        "longest_task": "minutes", "persistent_connections": false, "latency": "moderate",
        "scaling_divergence": "some", "independent_releases": "some", "domain_clarity": "stable",
        "ops_maturity": "basic", "portability": "preferred", "cost_priority": "predictable", "cloud": "azure"
    }));
    let empty = answers(json!({}));
    let prices = PriceTable::default_table();
    let workload = Workload {
        monthly_requests: 3e8,
        avg_duration_ms: 120.0,
        memory_mb: 1024,
        peak_to_average: 4.0,
        free_tier: false,
    };

    c.bench_function("recommend (all 19 answers)", |b| b.iter(|| recommend(black_box(&full))));
    c.bench_function("recommend (no answers)", |b| b.iter(|| recommend(black_box(&empty))));
    c.bench_function("monthly_cost", |b| b.iter(|| monthly_cost(black_box(&workload), black_box(&prices))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = engine
}
criterion_main!(benches);
