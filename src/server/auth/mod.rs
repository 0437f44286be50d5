//! Staff authentication: passwords and sessions.

pub mod password;
pub mod session;
