//! Staff authentication: passwords and sessions.

pub mod login;
pub mod password;
pub mod session;
pub mod staff;
