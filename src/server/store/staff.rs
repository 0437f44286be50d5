//! Staff accounts, their sessions, and the secrets the instances share.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::staff::SessionPolicy;
use crate::domain::staff::{Role, StaffEmail};

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

/// A staff account. The password hash and the sealed second-factor secrets are deliberately not
/// `Serialize`-able or printed.
#[derive(Clone, PartialEq, Eq)]
pub struct StaffUser {
    pub id: i64,
    pub email: StaffEmail,
    pub role: Role,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
    /// The confirmed TOTP secret, sealed; `None` while the account has no second factor.
    pub totp_secret: Option<String>,
    /// A TOTP secret shown during set-up and not yet confirmed, sealed.
    pub totp_pending: Option<String>,
    /// When the second factor was turned on.
    pub two_factor_since: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for StaffUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "StaffUser {{ id: {}, email: {}, role: {}, disabled: {}, two_factor: {} }}",
            self.id,
            self.email,
            self.role,
            self.disabled,
            self.has_two_factor()
        )
    }
}

impl StaffUser {
    /// Whether logging in takes a code as well as the password.
    pub fn has_two_factor(&self) -> bool {
        self.totp_secret.is_some()
    }

    /// The account in a row that has the `staff_users` columns.
    pub(super) fn from_row(row: &impl Record) -> Result<Self, StoreError> {
        Ok(StaffUser {
            id: row.get("id")?,
            email: row.parse("email")?,
            role: row.get("role")?,
            password_hash: row.get("password_hash")?,
            disabled: row.time("disabled_at")?.is_some(),
            created_at: row.get("created_at")?,
            totp_secret: row.get("totp_secret")?,
            totp_pending: row.get("totp_pending")?,
            two_factor_since: row.time("totp_enabled_at")?,
        })
    }
}

pub(super) const USER_COLUMNS: &str = "u.id, u.email, u.role, u.password_hash, u.disabled_at, u.created_at, \
     u.totp_secret, u.totp_pending, u.totp_enabled_at";

/// Staff accounts.
#[async_trait]
pub trait UserStore: Send + Sync {
    /// Adds an account; `Ok(false)` when the email is taken.
    async fn add_user(
        &self,
        email: &StaffEmail,
        role: Role,
        password_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
    async fn users(&self) -> Result<Vec<StaffUser>, StoreError>;
    async fn user_by_email(&self, email: &StaffEmail) -> Result<Option<StaffUser>, StoreError>;
    /// `Ok(false)` when there is no such account.
    async fn set_password(&self, email: &StaffEmail, password_hash: &str) -> Result<bool, StoreError>;
    /// `Ok(false)` when there is no such account.
    async fn disable_user(&self, email: &StaffEmail, at: DateTime<Utc>) -> Result<bool, StoreError>;
}

#[async_trait]
impl<B: Backend> UserStore for SqlStore<B> {
    async fn add_user(
        &self,
        email: &StaffEmail,
        role: Role,
        password_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let added = self
            .write(
                Statement::new(
                    "INSERT INTO staff_users (email, role, password_hash, created_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (email) DO NOTHING",
                )
                .bind(email.as_str())
                .bind(role)
                .bind(password_hash)
                .bind(at),
            )
            .await?;
        Ok(added == 1)
    }

    async fn users(&self) -> Result<Vec<StaffUser>, StoreError> {
        let rows =
            self.read_all(Statement::new(format!("SELECT {USER_COLUMNS} FROM staff_users u ORDER BY u.email"))).await?;
        rows.iter().map(StaffUser::from_row).collect()
    }

    async fn user_by_email(&self, email: &StaffEmail) -> Result<Option<StaffUser>, StoreError> {
        let select = Statement::new(format!("SELECT {USER_COLUMNS} FROM staff_users u WHERE u.email = $1"));
        let row = self.read_optional(select.bind(email.as_str())).await?;
        row.as_ref().map(StaffUser::from_row).transpose()
    }

    async fn set_password(&self, email: &StaffEmail, password_hash: &str) -> Result<bool, StoreError> {
        let update = Statement::new("UPDATE staff_users SET password_hash = $1 WHERE email = $2");
        Ok(self.write(update.bind(password_hash).bind(email.as_str())).await? == 1)
    }

    async fn disable_user(&self, email: &StaffEmail, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let update = Statement::new("UPDATE staff_users SET disabled_at = COALESCE(disabled_at, $1) WHERE email = $2");
        Ok(self.write(update.bind(at).bind(email.as_str())).await? == 1)
    }
}

/// A stored session as the stores return it.
pub struct SessionRow {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub user: StaffUser,
}

/// Staff sessions, by token hash.
#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(&self, token_hash: &str, user_id: i64, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// The session's start, last use and user, if the session exists.
    async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, StoreError>;
    /// Records a use of the session.
    async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError>;
    /// Ends one session.
    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError>;
    /// Ends every session of one user (logout everywhere, a disabled account, a new password).
    async fn delete_sessions_of(&self, user_id: i64) -> Result<(), StoreError>;
}

#[async_trait]
impl<B: Backend> SessionStore for SqlStore<B> {
    async fn create_session(&self, token_hash: &str, user_id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        let insert = Statement::new(
            "INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
        );
        self.write(insert.bind(token_hash).bind(user_id).bind(at)).await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>, StoreError> {
        let select = Statement::new(format!(
            "SELECT s.created_at AS session_created, s.last_seen_at, {USER_COLUMNS} FROM staff_sessions s \
             JOIN staff_users u ON u.id = s.user_id WHERE s.token_hash = $1"
        ));
        let Some(row) = self.read_optional(select.bind(token_hash)).await? else { return Ok(None) };
        Ok(Some(SessionRow {
            created_at: row.get("session_created")?,
            last_seen_at: row.get("last_seen_at")?,
            user: StaffUser::from_row(&row)?,
        }))
    }

    async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        let update = Statement::new("UPDATE staff_sessions SET last_seen_at = $1 WHERE token_hash = $2");
        self.write(update.bind(at).bind(token_hash)).await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.write(Statement::new("DELETE FROM staff_sessions WHERE token_hash = $1").bind(token_hash)).await?;
        Ok(())
    }

    async fn delete_sessions_of(&self, user_id: i64) -> Result<(), StoreError> {
        self.write(Statement::new("DELETE FROM staff_sessions WHERE user_id = $1").bind(user_id)).await?;
        Ok(())
    }
}

/// The session's user, if the session exists, is live under `policy` at `now`, and its user is
/// not disabled. A live session's last use moves to `now`; a dead one is deleted.
pub async fn session_user(
    sessions: &dyn SessionStore,
    token_hash: &str,
    now: DateTime<Utc>,
    policy: &SessionPolicy,
) -> Result<Option<StaffUser>, StoreError> {
    let Some(user) = live_session_user(sessions, token_hash, now, policy).await? else { return Ok(None) };
    sessions.touch_session(token_hash, now).await?;
    Ok(Some(user))
}

/// Like `session_user`, without counting as a use: for what a page does by itself while it is
/// open (keeping current), which must not keep an unattended session alive.
pub async fn live_session_user(
    sessions: &dyn SessionStore,
    token_hash: &str,
    now: DateTime<Utc>,
    policy: &SessionPolicy,
) -> Result<Option<StaffUser>, StoreError> {
    let Some(row) = sessions.session(token_hash).await? else { return Ok(None) };
    if row.user.disabled || !policy.is_live(row.created_at, row.last_seen_at, now) {
        sessions.delete_session(token_hash).await?;
        return Ok(None);
    }
    Ok(Some(row.user))
}

/// Secrets shared by every instance on the database.
#[async_trait]
pub trait SecretStore: Send + Sync {
    /// The secret called `name`, created from `fresh` if there is none yet (first writer wins).
    async fn get_or_create(&self, name: &str, fresh: &str) -> Result<String, StoreError>;
}

#[async_trait]
impl<B: Backend> SecretStore for SqlStore<B> {
    async fn get_or_create(&self, name: &str, fresh: &str) -> Result<String, StoreError> {
        let insert = Statement::new(
            "INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = app_secrets.value \
             RETURNING value",
        );
        let rows = self.write_returning(insert.bind(name).bind(fresh)).await?;
        rows.first().ok_or(StoreError::Database(sqlx::Error::RowNotFound))?.get("value")
    }
}
