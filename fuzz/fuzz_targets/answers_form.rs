//! Any form fields posted from the guide's pages: answers parse whole or are refused field by
//! field (fields that are not questions are ignored), and whatever parses can be recommended on.
#![no_main]

use archguide::domain::guide::answers::Answers;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|fields: Vec<(String, String)>| {
    let pairs = fields.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    match Answers::from_form(pairs) {
        Ok(answers) => {
            for (id, _) in answers.to_pairs() {
                assert!(fields.iter().any(|(k, _)| k == id), "{id} was not sent");
            }
            common::check_accepted(&answers);
        }
        Err(errors) => common::check_refused(&errors, |field| fields.iter().any(|(k, _)| k == field)),
    }
});
