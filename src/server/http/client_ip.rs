//! The client's address: the socket's peer, unless that peer is a configured trusted proxy, in
//! which case the nearest untrusted address in `X-Forwarded-For` (read from the right).

use std::net::IpAddr;

use axum::http::HeaderMap;

use crate::server::settings::IpBlock;

/// The address the request really came from.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpBlock]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|b| b.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    forwarded.into_iter().rev().find(|ip| !is_trusted(*ip)).unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", xff.parse().unwrap());
        h
    }

    #[test]
    fn forwarded_headers_are_ignored_unless_the_peer_is_trusted() {
        let peer: IpAddr = "203.0.113.9".parse().unwrap();
        assert_eq!(client_ip(peer, &headers("198.51.100.1"), &[]), peer);
        let proxy = IpBlock::parse("10.0.0.0/8").unwrap();
        assert_eq!(client_ip(peer, &headers("198.51.100.1"), &[proxy]), peer);
    }

    #[test]
    fn behind_trusted_proxies_the_nearest_untrusted_address_counts() {
        let trusted = [IpBlock::parse("10.0.0.0/8").unwrap(), IpBlock::parse("::1").unwrap()];
        let peer: IpAddr = "10.1.2.3".parse().unwrap();
        // A client cannot push a fake address past the proxy: the proxy appends the real one.
        let h = headers("1.1.1.1, 198.51.100.7, 10.0.0.5");
        assert_eq!(client_ip(peer, &h, &trusted), "198.51.100.7".parse::<IpAddr>().unwrap());
        assert_eq!(client_ip(peer, &HeaderMap::new(), &trusted), peer);
        assert!(IpBlock::parse("10.0.0.0/33").is_err());
        assert!(IpBlock::parse("example.com").is_err());
    }
}
