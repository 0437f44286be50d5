//! A lead's life in the inbox: what staff may do to it, and what each action changes. The store
//! reads the lead's state, asks `LeadChange::plan`, and writes the plan with its history line in
//! one transaction; the rules themselves live here, where they can be tested alone.

use crate::domain::choice::choice_enum;
use crate::domain::guide::recommendation::{Execution, Organisation};
use crate::domain::guide::review::verdict::Verdict;
use crate::domain::leads::inbox::LeadStatus;
use crate::domain::leads::reply::ReplyDraft;

choice_enum!(
    /// What a line in a lead's history records (`booked`: the visitor booked a call, which is
    /// the reply the site promised; `call_moved`, `call_cancelled`: by the visitor or staff).
    EventKind {
        Created = "created",
        Status = "status",
        Assigned = "assigned",
        Note = "note",
        Replied = "replied",
        Erased = "erased",
        Reply = "reply",
        Reminded = "reminded",
        Overdue = "overdue",
        Exported = "exported",
        Booked = "booked",
        CallMoved = "call_moved",
        CallCancelled = "call_cancelled",
        Answered = "answered",
        AutoReply = "auto_reply",
        Bounced = "bounced",
        EmailCorrected = "email_corrected",
        Verdict = "verdict",
    }
);

/// Something staff do to a lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeadChange {
    Status(LeadStatus),
    /// Assign to the active account with this id, or to nobody.
    Assign(Option<i64>),
    Note(String),
    /// A reply went out by other means (the first, or one to an answer that is owed one):
    /// records it.
    Replied,
    /// A reply written in the inbox, to send by email; the first one counts as `Replied`.
    Reply(ReplyDraft),
    /// A lead held as spam is real after all: back to `new`.
    NotSpam,
    /// The lead's address is corrected (after a bounce, or a typing mistake): sends start again.
    CorrectEmail(String),
    /// The advice the consultants gave after the call, beside the guide's.
    Verdict(VerdictRecord),
    /// Replaces the personal data (admins only; checked by the caller).
    Erase,
    /// Everything stored about the person was downloaded (admins only, on the person's request).
    Export,
    /// Replaces the personal data because it was kept as long as the privacy notice says (the
    /// retention job's erasure; `kept` says how long, in words).
    Expire {
        kept: String,
    },
}

/// A verdict with the guide result it is set beside: the lead's, as stored (none when the lead
/// attached no result).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictRecord {
    pub verdict: Verdict,
    pub guide: Option<GuideChoice>,
}

/// What the guide advised a lead, and which model version did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideChoice {
    pub model_version: String,
    pub organisation: Organisation,
    pub execution: Execution,
}

/// What a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeOutcome {
    Done,
    NoSuchLead,
    /// Nothing to do, and why (shown to the person who asked).
    Refused(String),
}

/// A lead's state as a change sees it.
#[derive(Clone, Copy, Debug)]
pub struct LeadState<'a> {
    pub status: LeadStatus,
    pub replied: bool,
    /// A reply is owed (the lead arrived, or answered, after our last reply).
    pub owed: bool,
    /// The address bounced and was not corrected since.
    pub undeliverable: bool,
    /// The address as stored.
    pub email: &'a str,
    pub erased: bool,
    pub assigned_to: Option<i64>,
}

/// The staff account an `Assign(Some(id))` names, as the store found it.
#[derive(Clone, Copy, Debug)]
pub struct Colleague<'a> {
    pub id: i64,
    pub email: &'a str,
    pub disabled: bool,
}

/// What the store writes for a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangePlan {
    pub status: Option<LeadStatus>,
    pub first_reply: bool,
    /// Whatever reply was owed is given: the countdown stops.
    pub settles: bool,
    /// The corrected address.
    pub email: Option<String>,
    /// `Some(None)`: unassign.
    pub assign: Option<Option<i64>>,
    pub erase: bool,
    /// A reply to send.
    pub reply: Option<ReplyDraft>,
    /// The consultants' verdict to keep.
    pub verdict: Option<VerdictRecord>,
    /// The history line.
    pub event: EventKind,
    pub detail: String,
}

impl ChangePlan {
    fn event(event: EventKind, detail: impl Into<String>) -> Self {
        ChangePlan {
            status: None,
            first_reply: false,
            settles: false,
            email: None,
            assign: None,
            erase: false,
            reply: None,
            verdict: None,
            event,
            detail: detail.into(),
        }
    }
}

impl LeadChange {
    /// What to write, or why nothing will be. `colleague` is the account an `Assign(Some(_))`
    /// names, if that account exists.
    pub fn plan(&self, lead: &LeadState<'_>, colleague: Option<Colleague<'_>>) -> Result<ChangePlan, ChangeOutcome> {
        let refuse = |why: &str| Err(ChangeOutcome::Refused(why.to_string()));
        if lead.erased && !matches!(self, LeadChange::Status(_)) {
            return refuse("This lead's personal data was erased; only its status can still change.");
        }
        match self {
            LeadChange::Status(status) if *status == lead.status => refuse("The lead already has that status."),
            LeadChange::Status(status) => Ok(ChangePlan {
                status: Some(*status),
                ..ChangePlan::event(EventKind::Status, format!("status: {} → {}", lead.status, status))
            }),
            LeadChange::Assign(user) if *user == lead.assigned_to => refuse("The lead is already assigned so."),
            LeadChange::Assign(Some(_)) => match colleague {
                Some(user) if !user.disabled => Ok(ChangePlan {
                    assign: Some(Some(user.id)),
                    ..ChangePlan::event(EventKind::Assigned, format!("assigned to {}", user.email))
                }),
                _ => refuse("That person cannot be assigned leads (no such active account)."),
            },
            LeadChange::Assign(None) => {
                Ok(ChangePlan { assign: Some(None), ..ChangePlan::event(EventKind::Assigned, "unassigned") })
            }
            LeadChange::Note(text) => Ok(ChangePlan::event(EventKind::Note, text.trim())),
            LeadChange::Replied if lead.replied && !lead.owed => refuse("No reply is owed: the last one was recorded."),
            LeadChange::Replied if lead.replied => Ok(ChangePlan {
                settles: true,
                ..ChangePlan::event(EventKind::Replied, "reply to their answer sent by other means")
            }),
            // Replying is contacting: a new lead moves on by itself.
            LeadChange::Replied if lead.status == LeadStatus::New => Ok(ChangePlan {
                first_reply: true,
                settles: true,
                status: Some(LeadStatus::Contacted),
                ..ChangePlan::event(EventKind::Replied, "first reply sent; status: new → contacted")
            }),
            LeadChange::Replied => Ok(ChangePlan {
                first_reply: true,
                settles: true,
                ..ChangePlan::event(EventKind::Replied, "first reply sent")
            }),
            LeadChange::Reply(_) if lead.undeliverable => refuse(
                "Email to this address bounced: correct the address below before replying (nothing more is sent to it until then).",
            ),
            LeadChange::Reply(draft) => Ok(ChangePlan {
                first_reply: !lead.replied,
                settles: true,
                // Replying is contacting, as with `Replied`.
                status: (lead.status == LeadStatus::New).then_some(LeadStatus::Contacted),
                reply: Some(draft.clone()),
                ..ChangePlan::event(EventKind::Reply, format!("reply queued: {}", draft.subject))
            }),
            LeadChange::CorrectEmail(email) if email == lead.email && !lead.undeliverable => {
                refuse("That is the address already stored.")
            }
            LeadChange::CorrectEmail(email) => Ok(ChangePlan {
                email: Some(email.clone()),
                ..ChangePlan::event(EventKind::EmailCorrected, format!("address corrected: {} → {email}", lead.email))
            }),
            LeadChange::Verdict(record) => {
                let guide = record.guide.as_ref().map(|g| (g.organisation, g.execution));
                Ok(ChangePlan {
                    verdict: Some(record.clone()),
                    ..ChangePlan::event(EventKind::Verdict, record.verdict.history_line(guide))
                })
            }
            LeadChange::NotSpam if lead.status != LeadStatus::Spam => refuse("The lead is not held as spam."),
            LeadChange::NotSpam => Ok(ChangePlan {
                status: Some(LeadStatus::New),
                ..ChangePlan::event(EventKind::Status, "not spam: status: spam → new")
            }),
            LeadChange::Erase => Ok(ChangePlan {
                erase: true,
                ..ChangePlan::event(
                    EventKind::Erased,
                    "personal data erased on request (name, email, company, role, message, notes)",
                )
            }),
            LeadChange::Export => {
                Ok(ChangePlan::event(EventKind::Exported, "everything stored about the person exported (JSON) on request"))
            }
            LeadChange::Expire { kept } => Ok(ChangePlan {
                erase: true,
                ..ChangePlan::event(
                    EventKind::Erased,
                    format!("personal data erased by retention: no activity for {kept} (name, email, company, role, message, notes)"),
                )
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(status: LeadStatus) -> LeadState<'static> {
        LeadState {
            status,
            replied: false,
            owed: true,
            undeliverable: false,
            email: "ada@example.org",
            erased: false,
            assigned_to: None,
        }
    }

    #[test]
    fn marking_a_new_lead_replied_also_moves_it_to_contacted() {
        let plan = LeadChange::Replied.plan(&lead(LeadStatus::New), None).unwrap();
        assert!(plan.first_reply);
        assert_eq!(plan.status, Some(LeadStatus::Contacted));
        let plan = LeadChange::Replied.plan(&lead(LeadStatus::Qualified), None).unwrap();
        assert_eq!(plan.status, None);
        let replied = LeadState { replied: true, owed: false, ..lead(LeadStatus::Contacted) };
        assert!(matches!(LeadChange::Replied.plan(&replied, None), Err(ChangeOutcome::Refused(_))));
        let answered = LeadState { owed: true, ..replied };
        let plan = LeadChange::Replied.plan(&answered, None).unwrap();
        assert!(plan.settles && !plan.first_reply, "an answer answered by other means: the countdown stops");
    }

    #[test]
    fn a_bounced_address_takes_no_reply_until_it_is_corrected() {
        let draft = ReplyDraft::parse("Re: hello", "Hi").unwrap();
        let bounced = LeadState { undeliverable: true, ..lead(LeadStatus::Contacted) };
        assert!(matches!(LeadChange::Reply(draft).plan(&bounced, None), Err(ChangeOutcome::Refused(_))));
        let plan = LeadChange::CorrectEmail("ada@example.com".into()).plan(&bounced, None).unwrap();
        assert_eq!(plan.email.as_deref(), Some("ada@example.com"));
        assert_eq!(plan.detail, "address corrected: ada@example.org → ada@example.com");
        let same = LeadChange::CorrectEmail("ada@example.org".into());
        assert!(same.plan(&bounced, None).is_ok(), "the same address, confirmed after a bounce, sends again");
        assert!(same.plan(&lead(LeadStatus::New), None).is_err());
    }

    #[test]
    fn only_spam_can_be_declared_not_spam_and_erased_leads_keep_only_their_status() {
        assert_eq!(LeadChange::NotSpam.plan(&lead(LeadStatus::Spam), None).unwrap().status, Some(LeadStatus::New));
        assert!(LeadChange::NotSpam.plan(&lead(LeadStatus::New), None).is_err());
        let erased = LeadState { erased: true, ..lead(LeadStatus::New) };
        assert!(LeadChange::Note("x".into()).plan(&erased, None).is_err());
        assert!(LeadChange::Erase.plan(&erased, None).is_err());
        assert!(LeadChange::Status(LeadStatus::Lost).plan(&erased, None).is_ok());
    }

    #[test]
    fn leads_are_assigned_only_to_active_accounts() {
        let sam = |disabled| Some(Colleague { id: 7, email: "sam@example.com", disabled });
        let plan = LeadChange::Assign(Some(7)).plan(&lead(LeadStatus::New), sam(false)).unwrap();
        assert_eq!(plan.assign, Some(Some(7)));
        assert_eq!((plan.event, plan.detail.as_str()), (EventKind::Assigned, "assigned to sam@example.com"));
        assert!(LeadChange::Assign(Some(7)).plan(&lead(LeadStatus::New), sam(true)).is_err());
        assert!(LeadChange::Assign(Some(7)).plan(&lead(LeadStatus::New), None).is_err());
    }

    #[test]
    fn a_written_reply_counts_as_the_first_reply_once_and_moves_a_new_lead_on() {
        let draft = ReplyDraft::parse("Re: hello", "Hi").unwrap();
        let plan = LeadChange::Reply(draft.clone()).plan(&lead(LeadStatus::New), None).unwrap();
        assert_eq!(
            (plan.first_reply, plan.status, plan.reply.as_ref()),
            (true, Some(LeadStatus::Contacted), Some(&draft))
        );
        assert!(plan.settles);
        assert_eq!((plan.event, plan.detail.as_str()), (EventKind::Reply, "reply queued: Re: hello"));
        let replied = LeadState { replied: true, ..lead(LeadStatus::Qualified) };
        let plan = LeadChange::Reply(draft.clone()).plan(&replied, None).unwrap();
        assert_eq!((plan.first_reply, plan.status), (false, None), "a second reply changes nothing else");
        let erased = LeadState { erased: true, ..lead(LeadStatus::New) };
        assert!(LeadChange::Reply(draft).plan(&erased, None).is_err());
    }

    #[test]
    fn notes_are_kept_trimmed_and_statuses_record_where_they_came_from() {
        let plan = LeadChange::Note("  call back  ".into()).plan(&lead(LeadStatus::New), None).unwrap();
        assert_eq!((plan.event, plan.detail.as_str(), plan.status), (EventKind::Note, "call back", None));
        let plan = LeadChange::Status(LeadStatus::Won).plan(&lead(LeadStatus::Qualified), None).unwrap();
        assert_eq!(plan.detail, "status: qualified → won");
        assert!(LeadChange::Status(LeadStatus::Won).plan(&lead(LeadStatus::Won), None).is_err());
    }
}
