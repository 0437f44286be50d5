//! Staff accounts' second factor: the sealed TOTP secret, the last code accepted, recovery
//! codes (hashes only) and logins waiting for their second step.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use crate::server::store::sql::{Backend, Conn, Record, SqlStore, Statement};
use crate::server::store::staff::{StaffUser, USER_COLUMNS};

/// A login whose password was right, waiting for its code.
pub struct ChallengeRow {
    pub created_at: DateTime<Utc>,
    /// Where to go once the code is right (an inbox path).
    pub next: String,
    pub user: StaffUser,
}

/// What turning the second factor on writes.
pub struct Enable<'a> {
    pub user_id: i64,
    /// The sealed secret the code was checked against: it must still be the pending one.
    pub sealed_secret: &'a str,
    /// The step of the code that confirmed it, which cannot be used again.
    pub step: i64,
    pub recovery_hashes: &'a [String],
    /// The session that turned it on stays; the account's other sessions end.
    pub keep_session: Option<&'a str>,
    pub at: DateTime<Utc>,
}

#[async_trait]
pub trait TwoFactorStore: Send + Sync {
    /// Keeps a secret shown for set-up, replacing one shown before.
    async fn set_pending_totp(&self, user_id: i64, sealed: &str) -> Result<(), StoreError>;
    /// Turns the second factor on with the pending secret and a new set of recovery codes, in
    /// one transaction; `Ok(false)` when the pending secret changed meanwhile.
    async fn enable_totp(&self, enable: Enable<'_>) -> Result<bool, StoreError>;
    /// Turns it off and forgets the secrets and recovery codes; `Ok(false)` when there is no such
    /// account.
    async fn disable_totp(&self, user_id: i64) -> Result<bool, StoreError>;
    /// Accepts a code's time step if it is later than the last one accepted: `Ok(false)` for a
    /// code used before (or an older one), even when two instances see it at once.
    async fn accept_totp_step(&self, user_id: i64, step: i64) -> Result<bool, StoreError>;
    /// Uses up a recovery code; `Ok(false)` when it is not one of the account's unused codes.
    async fn use_recovery_code(&self, user_id: i64, code_hash: &str, at: DateTime<Utc>) -> Result<bool, StoreError>;
    /// Replaces the account's recovery codes.
    async fn replace_recovery_codes(&self, user_id: i64, hashes: &[String]) -> Result<(), StoreError>;
    /// How many unused recovery codes the account has.
    async fn recovery_codes_left(&self, user_id: i64) -> Result<u64, StoreError>;
    /// Records a login waiting for its second step, and forgets those started before
    /// `expired_before`.
    async fn create_challenge(
        &self,
        token_hash: &str,
        user_id: i64,
        next: &str,
        at: DateTime<Utc>,
        expired_before: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    async fn challenge(&self, token_hash: &str) -> Result<Option<ChallengeRow>, StoreError>;
    async fn delete_challenge(&self, token_hash: &str) -> Result<(), StoreError>;
}

async fn insert_codes(conn: &mut impl Conn, user_id: i64, hashes: &[String]) -> Result<(), StoreError> {
    conn.execute(Statement::new("DELETE FROM staff_recovery_codes WHERE user_id = $1").bind(user_id)).await?;
    for hash in hashes {
        let insert = Statement::new("INSERT INTO staff_recovery_codes (user_id, code_hash) VALUES ($1, $2)");
        conn.execute(insert.bind(user_id).bind(hash.as_str())).await?;
    }
    Ok(())
}

#[async_trait]
impl<B: Backend> TwoFactorStore for SqlStore<B> {
    async fn set_pending_totp(&self, user_id: i64, sealed: &str) -> Result<(), StoreError> {
        let update = Statement::new("UPDATE staff_users SET totp_pending = $1 WHERE id = $2");
        self.write(update.bind(sealed).bind(user_id)).await?;
        Ok(())
    }

    async fn enable_totp(&self, enable: Enable<'_>) -> Result<bool, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let update = Statement::new(
            "UPDATE staff_users SET totp_secret = totp_pending, totp_pending = NULL, totp_enabled_at = $1, \
             totp_last_step = $2 WHERE id = $3 AND totp_pending = $4",
        )
        .bind(enable.at)
        .bind(enable.step)
        .bind(enable.user_id)
        .bind(enable.sealed_secret);
        if tx.execute(update).await? != 1 {
            return Ok(false);
        }
        insert_codes(&mut *tx, enable.user_id, enable.recovery_hashes).await?;
        if let Some(keep) = enable.keep_session {
            let others = Statement::new("DELETE FROM staff_sessions WHERE user_id = $1 AND token_hash <> $2");
            tx.execute(others.bind(enable.user_id).bind(keep)).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn disable_totp(&self, user_id: i64) -> Result<bool, StoreError> {
        let mut tx = self.backend.begin_write().await?;
        let update = Statement::new(
            "UPDATE staff_users SET totp_secret = NULL, totp_pending = NULL, totp_enabled_at = NULL, \
             totp_last_step = NULL WHERE id = $1",
        );
        let found = tx.execute(update.bind(user_id)).await? == 1;
        insert_codes(&mut *tx, user_id, &[]).await?;
        tx.execute(Statement::new("DELETE FROM staff_login_challenges WHERE user_id = $1").bind(user_id)).await?;
        tx.commit().await?;
        Ok(found)
    }

    async fn accept_totp_step(&self, user_id: i64, step: i64) -> Result<bool, StoreError> {
        let update = Statement::new(
            "UPDATE staff_users SET totp_last_step = $1 \
             WHERE id = $2 AND totp_secret IS NOT NULL AND (totp_last_step IS NULL OR totp_last_step < $1)",
        );
        Ok(self.write(update.bind(step).bind(user_id)).await? == 1)
    }

    async fn use_recovery_code(&self, user_id: i64, code_hash: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
        let update = Statement::new(
            "UPDATE staff_recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        );
        Ok(self.write(update.bind(at).bind(user_id).bind(code_hash)).await? == 1)
    }

    async fn replace_recovery_codes(&self, user_id: i64, hashes: &[String]) -> Result<(), StoreError> {
        let mut tx = self.backend.begin_write().await?;
        insert_codes(&mut *tx, user_id, hashes).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn recovery_codes_left(&self, user_id: i64) -> Result<u64, StoreError> {
        let count =
            Statement::new("SELECT COUNT(*) AS n FROM staff_recovery_codes WHERE user_id = $1 AND used_at IS NULL");
        self.read_one(count.bind(user_id)).await?.get("n")
    }

    async fn create_challenge(
        &self,
        token_hash: &str,
        user_id: i64,
        next: &str,
        at: DateTime<Utc>,
        expired_before: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.write(Statement::new("DELETE FROM staff_login_challenges WHERE created_at < $1").bind(expired_before))
            .await?;
        let insert = Statement::new(
            "INSERT INTO staff_login_challenges (token_hash, user_id, created_at, next) VALUES ($1, $2, $3, $4)",
        );
        self.write(insert.bind(token_hash).bind(user_id).bind(at).bind(next)).await?;
        Ok(())
    }

    async fn challenge(&self, token_hash: &str) -> Result<Option<ChallengeRow>, StoreError> {
        let select = Statement::new(format!(
            "SELECT c.created_at AS challenge_created, c.next, {USER_COLUMNS} FROM staff_login_challenges c \
             JOIN staff_users u ON u.id = c.user_id WHERE c.token_hash = $1"
        ));
        let Some(row) = self.read_optional(select.bind(token_hash)).await? else { return Ok(None) };
        Ok(Some(ChallengeRow {
            created_at: row.get("challenge_created")?,
            next: row.get("next")?,
            user: StaffUser::from_row(&row)?,
        }))
    }

    async fn delete_challenge(&self, token_hash: &str) -> Result<(), StoreError> {
        let delete = Statement::new("DELETE FROM staff_login_challenges WHERE token_hash = $1");
        self.write(delete.bind(token_hash)).await?;
        Ok(())
    }
}
