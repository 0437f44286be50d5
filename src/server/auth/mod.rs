//! Staff authentication: passwords, a second factor and sessions.

pub mod password;
pub mod sealing;
pub mod session;
pub mod totp;
