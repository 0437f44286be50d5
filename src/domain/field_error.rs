//! A problem with one field of something a person typed: the guide's answers, the contact form,
//! the inbox's filter and forms. Shown next to the field it names.

use serde::{Deserialize, Serialize};

use crate::domain::message::Message;

/// A problem with one field of the input: a keyed message for visitors, plain English for
/// staff-only forms.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: Message,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<Message>) -> Self {
        Self { field: field.to_string(), message: message.into() }
    }
}
