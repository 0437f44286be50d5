//! The addresses and identifiers that tie a message in the shared mailbox to a lead: the
//! `Message-ID`s the site gives what it sends, and the lead's tagged reply address
//! (`sales+AG-7K2Q9M@example.com`), which most mail hosts deliver to `sales@example.com`.

use crate::domain::ids::LeadReference;

/// The `Message-ID` of the outbox message `id`, sent from the site at `host` (without brackets).
///
/// ```
/// use archguide::domain::leads::conversation::address::{message_id, outbox_id};
/// let id = message_id(42, "guide.example.com");
/// assert_eq!(id, "archguide-outbox-42@guide.example.com");
/// assert_eq!(outbox_id(&format!("<{id}>"), "guide.example.com"), Some(42));
/// assert_eq!(outbox_id(&id, "other.example.com"), None);
/// ```
pub fn message_id(id: i64, host: &str) -> String {
    format!("archguide-outbox-{id}@{host}")
}

/// The outbox message a `Message-ID` names, if the site at `host` sent it.
pub fn outbox_id(message_id: &str, host: &str) -> Option<i64> {
    let id = message_id.trim().trim_start_matches('<').trim_end_matches('>');
    let (local, domain) = id.rsplit_once('@')?;
    if !domain.eq_ignore_ascii_case(host) {
        return None;
    }
    let digits = local.strip_prefix("archguide-outbox-")?;
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n > 0)
}

/// The shared address tagged with a lead's reference: `sales@x` becomes `sales+AG-7K2Q9M@x`.
///
/// ```
/// use archguide::domain::ids::LeadReference;
/// use archguide::domain::leads::conversation::address::{tagged, tag_of};
/// let reference = LeadReference::parse("AG-7K2Q9M").unwrap();
/// assert_eq!(tagged("sales@example.com", &reference), "sales+AG-7K2Q9M@example.com");
/// assert_eq!(tag_of("Sales+ag-7k2q9m@EXAMPLE.com", "sales@example.com"), Some(reference));
/// assert_eq!(tag_of("sales+AG-7K2Q9M@example.org", "sales@example.com"), None);
/// ```
pub fn tagged(shared: &str, reference: &LeadReference) -> String {
    match shared.rsplit_once('@') {
        Some((local, domain)) => format!("{local}+{}@{domain}", reference.as_str()),
        None => shared.to_string(),
    }
}

/// The lead reference a recipient address is tagged with, if it is the shared address's tag.
pub fn tag_of(recipient: &str, shared: &str) -> Option<LeadReference> {
    let (local, domain) = recipient.trim().rsplit_once('@')?;
    let (shared_local, shared_domain) = shared.rsplit_once('@')?;
    if !domain.eq_ignore_ascii_case(shared_domain) {
        return None;
    }
    let (base, tag) = local.split_once('+')?;
    if !base.eq_ignore_ascii_case(shared_local) {
        return None;
    }
    LeadReference::parse(tag)
}

/// Whether two addresses are the same mailbox, as mail hosts treat them in practice: compared
/// without regard to case.
pub fn same_address(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_message_ids_name_an_outbox_message() {
        assert_eq!(outbox_id(" <archguide-outbox-7@Guide.Example.com> ", "guide.example.com"), Some(7));
        for other in [
            "archguide-outbox-@guide.example.com",
            "archguide-outbox-0@guide.example.com",
            "archguide-outbox--1@guide.example.com",
            "archguide-outbox-1x@guide.example.com",
            "archguide-outbox-99999999999999999999@guide.example.com",
            "CAF=abc@mail.gmail.com",
            "no-at-sign",
        ] {
            assert_eq!(outbox_id(other, "guide.example.com"), None, "{other}");
        }
    }

    #[test]
    fn a_tag_must_be_a_reference_on_the_shared_address() {
        assert_eq!(tag_of("sales+hello@example.com", "sales@example.com"), None);
        assert_eq!(tag_of("other+AG-7K2Q9M@example.com", "sales@example.com"), None);
        assert_eq!(tag_of("sales@example.com", "sales@example.com"), None);
        assert!(same_address("Ada@Example.org", "ada@example.org "));
        assert!(same_address("ZOË@example.org", "zoë@example.org"));
    }
}
