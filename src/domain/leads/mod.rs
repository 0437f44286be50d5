//! A lead's rules, from the contact form to its last reply: parsing what a visitor sent, where
//! the visit came from, spam signals, the life cycle and its history, the inbox's filters, the
//! reply promise with its reminders, and how long personal data is kept.

pub mod attribution;
pub mod conversation;
pub mod deadline;
pub mod inbox;
pub mod lead;
pub mod lifecycle;
pub mod promise;
pub mod reply;
pub mod retention;
pub mod spam;

/// How staff messages name a lead's person: with their company when they gave one.
///
/// ```
/// use archguide::domain::leads::who;
/// assert_eq!(who("Ada", Some("Analytical Ltd")), "Ada (Analytical Ltd)");
/// assert_eq!(who("Ada", None), "Ada");
/// ```
pub fn who(name: &str, company: Option<&str>) -> String {
    match company {
        Some(company) => format!("{name} ({company})"),
        None => name.to_string(),
    }
}
