//! Delivery failures: a mail server's report (RFC 3464, `message/delivery-status`) that a
//! message we sent could not be delivered, read for the addresses that failed and why.

use serde::{Deserialize, Serialize};

/// What a delivery status report says failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bounce {
    /// The addresses that failed for good (`Action: failed`), lower-cased.
    pub failed: Vec<String>,
    /// Why, as the report gives it: the status code and the diagnostic, e.g.
    /// "5.1.1 smtp; 550 5.1.1 <ada@example.org>: Recipient address rejected".
    pub reason: String,
    /// The `Message-ID` of the message that failed, from the copy the report returns.
    pub original: Option<String>,
}

/// The recipients a `message/delivery-status` body reports as failed for good, and the reason
/// given for the first of them. Delays (`Action: delayed`) and successes are not failures.
///
/// ```
/// use archguide::domain::leads::conversation::bounce::failures;
/// let report = "Reporting-MTA: dns; mx.example.org\n\n\
///     Final-Recipient: rfc822; ada@example.org\nAction: failed\nStatus: 5.1.1\n\
///     Diagnostic-Code: smtp; 550 no such user\n";
/// let (failed, reason) = failures(report);
/// assert_eq!(failed, ["ada@example.org"]);
/// assert_eq!(reason, "5.1.1 smtp; 550 no such user");
/// ```
pub fn failures(status: &str) -> (Vec<String>, String) {
    let mut failed = Vec::new();
    let mut reason = String::new();
    // Header-like fields in blocks separated by blank lines: the message's, then one per
    // recipient. Folded lines (starting with white space) continue the field before them.
    let text = status.replace("\r\n", "\n");
    for block in text.split("\n\n") {
        let mut fields: Vec<(String, String)> = Vec::new();
        for line in block.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = fields.last_mut() {
                    value.push(' ');
                    value.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                fields.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let field = |name: &str| fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        let Some(recipient) = field("final-recipient").or_else(|| field("original-recipient")) else { continue };
        if !field("action").is_some_and(|a| a.eq_ignore_ascii_case("failed")) {
            continue;
        }
        // `rfc822; ada@example.org`: the address after the type.
        let address = recipient.split_once(';').map_or(recipient, |(_, a)| a).trim();
        let address: String = address
            .trim_start_matches('<')
            .trim_end_matches('>')
            .chars()
            .filter(|c| !c.is_control())
            .take(254)
            .collect::<String>()
            .to_lowercase();
        if address.contains('@') && !failed.contains(&address) {
            if failed.is_empty() {
                reason =
                    [field("status"), field("diagnostic-code")].into_iter().flatten().collect::<Vec<_>>().join(" ");
            }
            failed.push(address);
        }
    }
    let reason: String = reason.chars().filter(|c| !c.is_control()).take(500).collect();
    (failed, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_permanent_failures_count_and_folded_fields_are_read_whole() {
        let report = "Reporting-MTA: dns; mx.example.org\r\nArrival-Date: Mon, 7 Dec 2026 10:00:00 +0000\r\n\r\n\
            Original-Recipient: rfc822;Ada@Example.org\r\nFinal-Recipient: rfc822; <Ada@Example.org>\r\nAction: failed\r\n\
            Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 <ada@example.org>:\r\n  Recipient address rejected\r\n\r\n\
            Final-Recipient: rfc822; bob@example.org\r\nAction: delayed\r\nStatus: 4.4.1\r\n";
        let (failed, reason) = failures(report);
        assert_eq!(failed, ["ada@example.org"]);
        assert_eq!(reason, "5.1.1 smtp; 550 5.1.1 <ada@example.org>: Recipient address rejected");
        assert_eq!(failures("Final-Recipient: rfc822; bob@example.org\nAction: delivered\n").0.len(), 0);
        assert_eq!(failures("").0.len(), 0);
    }
}
