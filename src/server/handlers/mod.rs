//! What answers a request that is not a plain page: one module a feature. `guide` stores a
//! finished guide's result, `contact` takes a lead, `booking` books its call, `inbox` gives the
//! staff pages their data and takes their actions, `model` lets admins change the advice model
//! and keep its cases (and staff record their verdicts), `account` signs staff in and manages their
//! second factor, `api` is the JSON API, `health` and `seo` the operators' and search engines'
//! files.

pub mod account;
pub mod api;
pub mod booking;
pub mod contact;
pub mod guide;
pub mod health;
pub mod inbox;
pub mod model;
pub mod seo;
