//! Staff authentication: passwords, a second factor and sessions.

pub mod account;
pub mod login;
pub mod password;
pub mod sealing;
pub mod session;
pub mod staff;
pub mod totp;
pub mod two_factor;
