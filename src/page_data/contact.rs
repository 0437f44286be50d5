//! The contact form as it comes back after a rejected post, and the privacy notice version a
//! lead consents to.

use crate::domain::field_error::FieldError;
use crate::domain::leads::lead::LeadInput;
use crate::domain::message::Message;

/// The version of the privacy notice (`pages/privacy.rs`) a lead consents to: change it with
/// the notice.
pub const PRIVACY_VERSION: &str = "2026-12-03";

/// The form as it comes back after a rejected post.
#[derive(Clone, Debug, Default)]
pub struct ContactFormState {
    pub input: LeadInput,
    /// The attached guide result, if any.
    pub result: Option<String>,
    pub errors: Vec<FieldError>,
    /// A message about the whole form (e.g. "please send it again").
    pub notice: Option<Message>,
}
