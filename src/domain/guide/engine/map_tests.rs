//! The map of the idea as the shipped model draws it.

use crate::domain::guide::engine::model::Model;
use crate::domain::guide::map::*;
use crate::domain::guide::recommendation::Recommendation;
use crate::domain::guide::recommendation::{Execution, Organisation};

fn shipped() -> Combinations {
    Model::default_model().combinations
}

#[test]
fn the_shipped_model_describes_all_sixteen_pairs_in_map_order() {
    let combinations = shipped();
    let pairs: Vec<_> = combinations.iter().map(|c| (c.execution, c.organisation)).collect();
    let mut expected = Vec::new();
    for e in Execution::ALL {
        for o in Organisation::ALL {
            expected.push((*e, *o));
        }
    }
    assert_eq!(pairs, expected);
    assert_eq!(combinations.get(Organisation::Microservices, Execution::VirtualMachines).verdict, Verdict::Warns);
}

#[test]
fn a_missing_or_repeated_pair_is_refused() {
    let mut list: Vec<Combination> = shipped().iter().cloned().collect();
    let removed = list.pop().unwrap();
    let error = Combinations::from_list(list.clone()).unwrap_err();
    assert!(error.contains("microservices on virtual_machines is missing"), "{error}");

    list.push(removed.clone());
    list.push(removed.clone());
    assert!(Combinations::from_list(list.clone()).unwrap_err().contains("appears twice"));
}

#[test]
fn a_cell_holds_one_or_two_lines_of_twelve_characters() {
    assert!(words_fit("Small app,\nspiky load"));
    assert!(!words_fit("A line far too long"));
    assert!(!words_fit("one\ntwo\nthree"));
    assert!(!words_fit(""));
}

fn recommendation(org: [u8; 4], exec: [u8; 4], choice: (Organisation, Execution)) -> Recommendation {
    let mut r = crate::domain::guide::engine::recommend(&Default::default());
    r.organisation.choice = choice.0;
    r.execution.choice = choice.1;
    r.organisation.scores = Organisation::ALL.iter().zip(org).map(|(o, s)| (o.to_string(), s)).collect();
    r.execution.scores = Execution::ALL.iter().zip(exec).map(|(e, s)| (e.to_string(), s)).collect();
    r
}

#[test]
fn each_cell_fits_by_the_mean_of_its_two_scores_and_is_shaded_in_steps_of_twenty() {
    use Execution::*;
    use Organisation::*;
    let r = recommendation([80, 61, 40, 20], [0, 90, 35, 50], (Monolith, ManagedContainers));
    let map = ArchitectureMap::for_recommendation(&shipped(), &r);
    let fit = |o, e| {
        map.cells.iter().find(|c| c.combination.organisation == o && c.combination.execution == e).unwrap().fit.unwrap()
    };
    assert_eq!(fit(Monolith, ManagedContainers), Fit { score: 85, band: 4, standing: Standing::Recommended });
    assert_eq!(fit(ModularMonolith, ManagedContainers), Fit { score: 76, band: 3, standing: Standing::Open });
    assert_eq!(fit(Microservices, Kubernetes), Fit { score: 28, band: 1, standing: Standing::Open });
    assert_eq!(fit(Monolith, Functions).standing, Standing::NoFit);
    assert_eq!(map.recommended().unwrap().combination.organisation, Monolith);
    assert_eq!(map.row(Kubernetes).count(), 4);
}

#[test]
fn an_organisation_scoring_above_the_choice_is_shown_as_held_back() {
    use Execution::*;
    use Organisation::*;
    let r = recommendation([40, 60, 55, 75], [30, 70, 40, 40], (ModularMonolith, ManagedContainers));
    let map = ArchitectureMap::for_recommendation(&shipped(), &r);
    let held: Vec<_> = map
        .cells
        .iter()
        .filter(|c| c.fit.unwrap().standing == Standing::HeldBack)
        .map(|c| c.combination.organisation)
        .collect();
    assert_eq!(held, vec![Microservices; 4]);
}

#[test]
fn the_general_map_has_no_fits() {
    let map = ArchitectureMap::general(&shipped());
    assert_eq!(map.cells.len(), 16);
    assert!(map.cells.iter().all(|c| c.fit.is_none()) && map.recommended().is_none());
    assert_eq!(map.cells[0].combination.anchor(), "combo-monolith-functions");
}
