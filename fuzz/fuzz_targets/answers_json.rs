//! Any bytes sent as the body of `POST /api/recommendation`: the answers either parse whole or
//! are refused field by field, and whatever parses can be recommended on without a panic.
#![no_main]

use archguide::domain::guide::answers::Answers;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(serde_json::Value::Object(object)) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    match Answers::from_json(&object) {
        Ok(answers) => {
            for (id, _) in answers.to_pairs() {
                assert!(object.contains_key(id), "{id} was not sent");
            }
            common::check_accepted(&answers);
        }
        Err(errors) => common::check_refused(&errors, |field| object.contains_key(field)),
    }
});
