//! A problem with one field of something a person typed: the guide's answers, the contact form,
//! the inbox's filter and forms. Shown next to the field it names.

use serde::{Deserialize, Serialize};

/// A problem with one field of the input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self { field: field.to_string(), message: message.into() }
    }
}
