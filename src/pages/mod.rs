//! One module a page: its components and, where it has them, its server functions.

pub mod book;
pub mod cases;
pub mod contact;
pub mod guide;
pub mod home;
pub mod inbox;
pub mod learn;
pub mod not_found;
pub mod privacy;
