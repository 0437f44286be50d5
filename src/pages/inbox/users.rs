//! `/inbox/users`: administrators add staff accounts and disable them.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::page_data::inbox::{UserFormState, UserList};

use super::{error_text, InboxFrame, InboxProblem};

#[server(prefix = "/inbox/api", endpoint = "users")]
pub async fn inbox_users() -> Result<UserList, ServerFnError> {
    let (state, session) = crate::server::handlers::inbox::server_fn_session(true).await?;
    crate::server::handlers::inbox::views::users(&state, &session)
        .await
        .map_err(crate::server::handlers::inbox::internal)
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let users = Resource::new_blocking(|| (), |_| inbox_users());
    view! {
        <Suspense fallback=|| view! { <p class="px-4 py-10">"Loading the accounts…"</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(list) => view! { <UsersBody list/> }.into_any(),
                    Err(error) => view! { <InboxProblem message=error_text(&error)/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn UsersBody(list: UserList) -> impl IntoView {
    let done = match use_query_map().get_untracked().get("done").as_deref() {
        Some("added") => Some("Account added.".to_string()),
        Some("disabled") => Some("Account disabled; its sessions have ended.".to_string()),
        _ => None,
    };
    let mut form = use_context::<UserFormState>().unwrap_or_default();
    form.notice = form.notice.or(done);
    let error_for = |field: &str| {
        form.errors.iter().find(|e| e.field == field).map(|e| crate::i18n::Tr::here().message(&e.message))
    };
    let (email_error, password_error) = (error_for("email"), error_for("password"));
    let has_errors = !form.errors.is_empty();
    let (notice, typed_email) = (form.notice.clone(), form.email.clone());
    let input =
        "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900";
    let button = "rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900";
    let field_error = |message: Option<String>, id: &'static str| {
        message.map(|m| view! { <p id=id class="mt-1 text-sm text-red-800 dark:text-red-300">{m}</p> })
    };
    let role = if form.role.is_empty() { "sales".to_string() } else { form.role.clone() };
    let me = list.viewer.email.clone();
    view! {
        <InboxFrame viewer=list.viewer.clone() title="Users".to_string()>
            {notice.map(|n| view! { <p role="status" class="mt-4 rounded-md bg-slate-100 p-3 dark:bg-slate-900">{n}</p> })}
            {has_errors.then(|| view! {
                <p role="alert" class="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">"The account was not added; please check the fields marked below."</p>
            })}
            <table class="mt-6 w-full text-left text-sm">
                <thead>
                    <tr class="border-b border-slate-300 dark:border-slate-700">
                        <th scope="col" class="py-2 pr-3">"Email"</th>
                        <th scope="col" class="py-2 pr-3">"Role"</th>
                        <th scope="col" class="py-2 pr-3">"Since"</th>
                        <th scope="col" class="py-2 pr-3">"Two-factor"</th>
                        <th scope="col" class="py-2">"Account"</th>
                    </tr>
                </thead>
                <tbody>
                    {list.users.iter().map(|u| {
                        let own = u.email == me;
                        view! {
                            <tr class="border-b border-slate-200 dark:border-slate-800" data-user=u.email.clone()>
                                <td class="py-2 pr-3">{u.email.clone()}</td>
                                <td class="py-2 pr-3">{u.role.clone()}</td>
                                <td class="py-2 pr-3">{u.created.clone()}</td>
                                <td class="py-2 pr-3" data-two-factor=if u.two_factor { "on" } else { "off" }>{if u.two_factor { "On" } else { "Off" }}</td>
                                <td class="py-2">
                                    {if u.disabled {
                                        view! { <span>"Disabled"</span> }.into_any()
                                    } else if own {
                                        view! { <span>"Active (you)"</span> }.into_any()
                                    } else {
                                        view! {
                                            <form method="post" action="/inbox/users/disable" class="flex items-center gap-2">
                                                <span>"Active"</span>
                                                <input type="hidden" name="email" value=u.email.clone()/>
                                                <button class="rounded border border-red-700 px-2 py-0.5 text-red-800 dark:border-red-400 dark:text-red-300">
                                                    "Disable" <span class="sr-only">{format!(" {}", u.email)}</span>
                                                </button>
                                            </form>
                                        }.into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-400">
                {if list.two_factor_required {
                    "Two-factor authentication is required: an account without it reaches only its account page until it is set up."
                } else {
                    "Two-factor authentication is optional here; each person sets it up under “Your account”."
                }}
            </p>
            <form method="post" action="/inbox/users" class="mt-8 max-w-md space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" aria-labelledby="add-heading">
                <h2 id="add-heading" class="text-lg font-semibold">"Add an account"</h2>
                <div>
                    <label for="new-email" class="block text-sm font-medium">"Email"</label>
                    <input class=input id="new-email" name="email" type="email" required autocomplete="off" value=typed_email
                        aria-invalid=email_error.as_ref().map(|_| "true") aria-describedby=email_error.as_ref().map(|_| "new-email-error")/>
                    {field_error(email_error.clone(), "new-email-error")}
                </div>
                <div>
                    <label for="new-role" class="block text-sm font-medium">"Role"</label>
                    <select class=input id="new-role" name="role">
                        <option value="sales" selected=role == "sales">"Sales: works leads"</option>
                        <option value="admin" selected=role == "admin">"Admin: also manages users and erases data"</option>
                    </select>
                </div>
                <div>
                    <label for="new-password" class="block text-sm font-medium">"First password"</label>
                    <input class=input id="new-password" name="password" type="password" required minlength="12" autocomplete="new-password"
                        aria-invalid=password_error.as_ref().map(|_| "true") aria-describedby=if password_error.is_some() { "new-password-error" } else { "new-password-hint" }/>
                    <p id="new-password-hint" class="mt-1 text-xs text-slate-600 dark:text-slate-400">"At least 12 characters and not a common password; a few unrelated words work well. Share it with the person safely."</p>
                    {field_error(password_error.clone(), "new-password-error")}
                </div>
                <button class=button>"Add account"</button>
            </form>
        </InboxFrame>
    }
}
