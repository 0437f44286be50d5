//! `archguide user …`: staff accounts from the command line.

use std::io::{BufRead, IsTerminal};
use std::sync::Arc;

use crate::server::clock::{Clock, SystemClock};
use clap::{Subcommand, ValueEnum};

use crate::domain::booking::{read_availability, Availability};
use crate::domain::staff::{Role, StaffEmail};

use crate::server::auth::password;
use crate::server::booking::calendars::Calendars;
use crate::server::settings::Settings;
use crate::server::store::database::Database;
use crate::server::store::Stores;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a staff account. The password is asked for on the terminal, or read as one line from
    /// standard input when that is not a terminal.
    Add {
        email: String,
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// List staff accounts.
    List,
    /// Disable an account: it can no longer log in.
    Disable { email: String },
    /// Set a new password (read like `add` does).
    SetPassword { email: String },
    /// Remove an account's second factor (a lost phone and no recovery codes): its secret and
    /// recovery codes are forgotten and its sessions end. If every account must have one, its
    /// owner sets a new one up right after the next login.
    #[command(name = "reset-2fa")]
    ResetTwoFactor { email: String },
    /// Say when a staff member takes calls that visitors book (replacing what was said before).
    Availability {
        email: String,
        /// Their time zone, an IANA name (Europe/Madrid).
        #[arg(long)]
        zone: String,
        /// Working hours in that zone, like 'mon-fri 09:00-17:00' or 'mon,wed 09:00-12:00,13:00-17:00';
        /// repeat for more.
        #[arg(long = "hours", required = true)]
        hours: Vec<String>,
        /// The languages they take calls in, as the site's codes (en,es).
        #[arg(long, value_delimiter = ',', default_value = "en")]
        languages: Vec<String>,
        /// Days off: 2026-12-24..2027-01-02 or a single date; repeat for more.
        #[arg(long = "off")]
        off: Vec<String>,
        /// Their own video-call link (else ARCHGUIDE_MEETING_LINK); {ref} becomes the lead's reference.
        #[arg(long)]
        link: Option<String>,
    },
    /// Connect a staff member's own CalDAV calendar: its busy times remove slots and their calls
    /// are written into it. The password is read from standard input and stored sealed with
    /// ARCHGUIDE_SECRET_KEY; the calendar must answer a query first. `--disconnect` removes it.
    Calendar {
        email: String,
        /// The calendar collection's address (https://caldav.example.com/dav/calendars/sam/work/).
        url: Option<String>,
        #[arg(long)]
        username: Option<String>,
        #[arg(long, conflicts_with_all = ["url", "username"])]
        disconnect: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Admin,
    Sales,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Admin => Role::Admin,
            RoleArg::Sales => Role::Sales,
        }
    }
}

pub async fn run(settings: Settings, command: UserCommand) -> Result<(), String> {
    let db = Database::connect(&settings.database_url).await.map_err(|e| e.to_string())?;
    let stores = Stores::new(&db);
    let users = stores.users.clone();
    let outcome = async {
        match command {
            UserCommand::Add { email, role } => {
                let email = StaffEmail::parse(&email)?;
                let password = new_password(email.as_str())?;
                let hash = password::hash(password).await?;
                if users.add_user(&email, role.into(), &hash, SystemClock.now()).await.map_err(|e| e.to_string())? {
                    println!("added {email} ({})", Role::from(role));
                    Ok(())
                } else {
                    Err(format!("{email} already has an account"))
                }
            }
            UserCommand::List => {
                for user in users.users().await.map_err(|e| e.to_string())? {
                    let status = if user.disabled { "disabled" } else { "active" };
                    let factor = if user.has_two_factor() { "2fa" } else { "password only" };
                    println!(
                        "{}\t{}\t{status}\t{}\t{factor}",
                        user.email,
                        user.role,
                        user.created_at.format("%Y-%m-%d")
                    );
                }
                Ok(())
            }
            UserCommand::Disable { email } => {
                let email = StaffEmail::parse(&email)?;
                match users.disable_user(&email, SystemClock.now()).await.map_err(|e| e.to_string())? {
                    true => Ok(println!("disabled {email}")),
                    false => Err(format!("there is no account for {email}")),
                }
            }
            UserCommand::SetPassword { email } => {
                let email = StaffEmail::parse(&email)?;
                let Some(user) = users.user_by_email(&email).await.map_err(|e| e.to_string())? else {
                    return Err(format!("there is no account for {email}"));
                };
                let hash = password::hash(new_password(email.as_str())?).await?;
                users.set_password(&email, &hash).await.map_err(|e| e.to_string())?;
                // Whoever knew the old password is logged out everywhere.
                stores.sessions.delete_sessions_of(user.id).await.map_err(|e| e.to_string())?;
                Ok(println!("set a new password for {email}; every session of this account has ended"))
            }
            UserCommand::ResetTwoFactor { email } => {
                let email = StaffEmail::parse(&email)?;
                let Some(user) = users.user_by_email(&email).await.map_err(|e| e.to_string())? else {
                    return Err(format!("there is no account for {email}"));
                };
                stores.two_factor.disable_totp(user.id).await.map_err(|e| e.to_string())?;
                stores.sessions.delete_sessions_of(user.id).await.map_err(|e| e.to_string())?;
                let before = if user.has_two_factor() {
                    "removed the second factor of"
                } else {
                    "no second factor to remove for"
                };
                Ok(println!("{before} {email}; every session of this account has ended"))
            }
            UserCommand::Availability { email, zone, hours, languages, off, link } => {
                let email = StaffEmail::parse(&email)?;
                let Some(user) = users.user_by_email(&email).await.map_err(|e| e.to_string())? else {
                    return Err(format!("there is no account for {email}"));
                };
                let availability = availability(&zone, &hours, &languages, &off)?;
                if let Some(link) = &link {
                    if !(link.starts_with("https://") || link.starts_with("http://")) {
                        return Err(format!("'{link}' is not a meeting link starting with https://"));
                    }
                }
                let now = SystemClock.now();
                stores
                    .bookings
                    .set_availability(user.id, &availability, link.as_deref(), now)
                    .await
                    .map_err(|e| e.to_string())?;
                let hours = availability.hours.specs().join("; ");
                Ok(println!(
                    "{email} takes calls {hours} ({}) in {}",
                    availability.zone,
                    availability.languages.join(", ")
                ))
            }
            UserCommand::Calendar { email, url, username, disconnect } => {
                let email = StaffEmail::parse(&email)?;
                let Some(user) = users.user_by_email(&email).await.map_err(|e| e.to_string())? else {
                    return Err(format!("there is no account for {email}"));
                };
                if disconnect {
                    stores.calendars.set_caldav(user.id, None, SystemClock.now()).await.map_err(|e| e.to_string())?;
                    return Ok(println!("{email} has no calendar connected now"));
                }
                let (Some(url), Some(username)) = (url, username) else {
                    return Err("give the calendar's address and --username (or --disconnect)".into());
                };
                let password = read_secret("The calendar's password: ")?;
                let calendars =
                    Calendars::new(stores.calendars.clone(), settings.secret_key.clone(), Arc::new(SystemClock))?;
                calendars.connect(user.id, &url, &username, &password).await.map_err(|e| e.to_string())?;
                Ok(println!("{email}'s calendar at {url} is connected"))
            }
        }
    }
    .await;
    db.close().await;
    outcome
}

/// Reads a secret from the terminal without showing it, or a line of standard input.
fn read_secret(prompt: &str) -> Result<String, String> {
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt).map_err(|e| e.to_string());
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| e.to_string())?;
    // Only the line break goes: spaces are part of a password.
    Ok(line.strip_suffix('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or(&line).to_string())
}

/// Reads a new password (twice on a terminal) and checks it against the policy.
fn new_password(email: &str) -> Result<String, String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(|e| e.to_string())?;
        let again = rpassword::prompt_password("The same password again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the two passwords differ".into());
        }
        first
    } else {
        read_secret("")?
    };
    match password::password_problem(&password, email) {
        Some(problem) => Err(problem),
        None => Ok(password),
    }
}

/// When someone takes calls, from what they typed; the languages must be the site's.
fn availability(zone: &str, hours: &[String], languages: &[String], off: &[String]) -> Result<Availability, String> {
    let site = crate::i18n::locales::locales();
    let known: Vec<&str> = site.languages().map(|l| l.lang.code()).collect();
    read_availability(zone, hours, languages, off, &known).map_err(|(_, error)| error)
}
