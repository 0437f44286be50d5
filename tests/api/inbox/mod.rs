//! The sales inbox: logins and sessions, who may reach what, the list, the lead page and its
//! actions, the dashboard, the export and erasure.

mod access;
mod dashboard_and_users;
mod export;
mod lead;
mod list;
mod live;
mod login;
mod person;
pub(crate) mod two_factor;

use chrono::{Duration, Utc};

use archguide::domain::staff::Role;
use archguide::server::clock::ManualClock;

use crate::helpers::{spawn_app, spawn_app_in, spawn_app_with, spawn_app_with_clock, Session, TestApp};

const ADMIN: (&str, &str) = ("admin@example.com", "correct horse battery staple");
const SALES: (&str, &str) = ("sales@example.com", "violet tuesday harbour lamp");
const OTHER: (&str, &str) = ("other@example.com", "seven quiet orange kites");

/// An app with an admin, a sales person and a second sales person, all logged in.
async fn staffed(app: &TestApp) -> (Session, Session) {
    app.add_staff(ADMIN.0, Role::Admin, ADMIN.1).await;
    app.add_staff(SALES.0, Role::Sales, SALES.1).await;
    app.add_staff(OTHER.0, Role::Sales, OTHER.1).await;
    (app.login(ADMIN.0, ADMIN.1).await, app.login(SALES.0, SALES.1).await)
}

async fn scalar(app: &TestApp, sql: &str) -> String {
    let value: Option<String> = sqlx::query_scalar(sql).fetch_one(&app.db().await).await.unwrap();
    value.unwrap_or_default()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&app.db().await).await.unwrap()
}

async fn get_maybe(app: &TestApp, session: Option<&Session>, path: &str) -> reqwest::Response {
    match session {
        Some(s) => app.get_as(s, path).await,
        None => app.get(path).await,
    }
}

async fn post_maybe(
    app: &TestApp,
    session: Option<&Session>,
    path: &str,
    fields: &[(&str, String)],
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match session {
        Some(s) => app.post_as(s, path, &fields).await,
        None => app.post_form(path, &fields).await,
    }
}

fn location(response: &reqwest::Response) -> String {
    response.headers().get("location").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default()
}
