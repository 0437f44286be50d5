//! Links with query strings, written the same way by pages and handlers.

/// Percent-encodes a query component.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `path` with these query pairs (none: the path alone).
pub fn with_query(path: &str, pairs: &[(&str, String)]) -> String {
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// `href` with `pairs` added to its query (before any `#fragment`); none: `href` as it is.
pub fn carry(href: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return href.to_string();
    }
    let (address, fragment) = href.split_once('#').map_or((href, None), |(a, f)| (a, Some(f)));
    let added: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    let joiner = if address.contains('?') { '&' } else { '?' };
    let mut out = format!("{address}{joiner}{}", added.join("&"));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// The site's public base URL (scheme and host, no trailing slash), for canonical links,
/// share links and telling this site from others in a `Referer`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_pairs_join_the_query_before_the_fragment() {
        let pairs = [("utm_source", "news letter".to_string())];
        assert_eq!(carry("/learn#serverless", &pairs), "/learn?utm_source=news%20letter#serverless");
        assert_eq!(carry("/contact?result=abc", &pairs), "/contact?result=abc&utm_source=news%20letter");
        assert_eq!(carry("/guide", &[]), "/guide");
    }
}
