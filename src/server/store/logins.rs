//! The login attempt log, which also throttles guessing.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::choice::choice_enum;

use super::StoreError;
use crate::server::store::sql::{Backend, Record, SqlStore, Statement};

choice_enum!(
    /// How a login attempt ended. `code_asked`: the password was right and the account's code
    /// is asked for next; `recovery_code`: logged in with a recovery code instead of the app's.
    LoginOutcome {
        Success = "success",
        WrongPassword = "wrong_password",
        UnknownAccount = "unknown_account",
        Disabled = "disabled",
        Throttled = "throttled",
        CodeAsked = "code_asked",
        WrongCode = "wrong_code",
        RecoveryCode = "recovery_code",
    }
);

/// One login attempt, as recorded.
#[derive(Clone, Debug)]
pub struct LoginAttempt {
    pub at: DateTime<Utc>,
    pub account_key: String,
    pub user_id: Option<i64>,
    pub ip: String,
    pub outcome: LoginOutcome,
}

/// Failed attempts counted since some moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Failures {
    /// For the account, from anywhere.
    pub account: u64,
    /// For the account, from this address.
    pub account_from_ip: u64,
    /// From this address, for any account.
    pub ip: u64,
}

#[async_trait]
pub trait LoginStore: Send + Sync {
    async fn record_login(&self, attempt: &LoginAttempt) -> Result<(), StoreError>;
    /// Failed attempts (wrong password or code, unknown or disabled account) since `since`.
    async fn login_failures(&self, account_key: &str, ip: &str, since: DateTime<Utc>) -> Result<Failures, StoreError>;
}

#[async_trait]
impl<B: Backend> LoginStore for SqlStore<B> {
    async fn record_login(&self, attempt: &LoginAttempt) -> Result<(), StoreError> {
        let insert = Statement::new(
            "INSERT INTO login_attempts (at, account_key, user_id, ip, outcome) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(attempt.at)
        .bind(attempt.account_key.as_str())
        .bind(attempt.user_id)
        .bind(attempt.ip.as_str())
        .bind(attempt.outcome);
        self.write(insert).await?;
        Ok(())
    }

    async fn login_failures(&self, account_key: &str, ip: &str, since: DateTime<Utc>) -> Result<Failures, StoreError> {
        let count = Statement::new(
            "SELECT COUNT(*) FILTER (WHERE account_key = $1) AS account, \
                    COUNT(*) FILTER (WHERE account_key = $1 AND ip = $2) AS pair, \
                    COUNT(*) FILTER (WHERE ip = $2) AS by_ip \
             FROM login_attempts WHERE at >= $3 AND (account_key = $1 OR ip = $2) \
             AND outcome IN ($4, $5, $6, $7)",
        )
        .bind(account_key)
        .bind(ip)
        .bind(since)
        .bind(LoginOutcome::WrongPassword)
        .bind(LoginOutcome::UnknownAccount)
        .bind(LoginOutcome::Disabled)
        .bind(LoginOutcome::WrongCode);
        let row = self.read_one(count).await?;
        Ok(Failures { account: row.get("account")?, account_from_ip: row.get("pair")?, ip: row.get("by_ip")? })
    }
}
