//! What must hold for any answers the parsers accepted or refused.

use archguide::domain::guide::answers::Answers;
use archguide::domain::field_error::FieldError;
use archguide::domain::guide::engine::recommend;

/// Accepted answers survive both round trips the site makes (JSON for the API and stored
/// results, form fields for the guide's pages), and the engine gives finite, non-negative costs.
pub fn check_accepted(answers: &Answers) {
    assert_eq!(Answers::from_json(&answers.to_json()).as_ref(), Ok(answers), "JSON round trip");
    let pairs = answers.to_pairs();
    let again = Answers::from_form(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(again.as_ref(), Ok(answers), "form round trip of {pairs:?}");

    let recommendation = recommend(answers);
    let usd = &recommendation.cost.monthly_usd;
    for cost in [usd.functions, usd.managed_containers, usd.virtual_machines] {
        assert!(cost.is_finite() && cost >= 0.0, "monthly cost {cost} for {pairs:?}");
    }
    if let Some(requests) = recommendation.cost.break_even_monthly_requests {
        assert!(requests.is_finite() && requests >= 0.0, "break-even {requests} for {pairs:?}");
    }
    serde_json::to_string(&recommendation).expect("the recommendation serialises");
}

/// A refusal names at least one field, only fields that were sent, each with a message.
pub fn check_refused(errors: &[FieldError], was_sent: impl Fn(&str) -> bool) {
    assert!(!errors.is_empty());
    for error in errors {
        assert!(was_sent(&error.field), "{} was not sent", error.field);
        assert!(!error.message.outline().is_empty());
    }
}
