//! Staff authentication: password hashing and policy (sessions and login come with the inbox).

pub mod password;
