import { readFile } from "node:fs/promises";
import { expect, Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

// scripts/e2e.sh creates this account before the server starts.
const EMAIL = "sales-e2e@example.com";
const PASSWORD = "amber kettle drifts north";

async function sendLead(page: Page, name: string) {
  await page.goto("/contact");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill("lead@example.com");
  await page.getByLabel("Company (optional)").fill("Inbox Test GmbH");
  await page.getByLabel("What are you building?").fill("A <b>platform</b> & more");
  await page.getByLabel(/You may store what I send/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/contact\/thanks\?ref=AG-/);
}

test("a sales person logs in, works a lead, exports and logs out", async ({ page, javaScriptEnabled }, info) => {
  const name = `Inbox ${info.project.name} ${Date.now()}`;
  await sendLead(page, name);

  // The inbox sends anonymous visitors to the login, and back afterwards.
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/inbox\/login\?next=%2Finbox$/);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill("not the password, sorry");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await expect(page.getByLabel("Email")).toHaveValue(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leads");

  // Find the lead.
  await page.getByLabel("Search").fill(name);
  await page.getByRole("button", { name: "Show leads" }).click();
  const row = page.locator("tr", { hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row.locator("[data-countdown]")).toHaveAttribute("data-countdown", "on-track");
  await expect(row.locator("[data-countdown]")).toContainText("On track:");
  if (javaScriptEnabled) await expectNoAxeViolations(page, "the lead list");
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator("[data-message]")).toHaveText("A <b>platform</b> & more");

  // Assign it to myself, add a note, mark it replied.
  await page.getByLabel("Assigned to").selectOption({ label: `${EMAIL} (me)` });
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByRole("status")).toHaveText("Assignment changed.");
  await page.getByLabel("Internal note").fill("Called; they want a call on Monday.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("status")).toHaveText("Note added.");
  await expect(page.getByRole("region", { name: "Notes" })).toContainText("Called; they want a call on Monday.");
  await expect(page.locator("[data-countdown]")).toHaveAttribute("data-countdown", "on-track");
  await page.getByRole("button", { name: "Mark replied" }).click();
  await expect(page.getByRole("status")).toHaveText("Reply recorded.");
  await expect(page.locator("[data-countdown]")).toHaveAttribute("data-countdown", "replied");
  await expect(page.locator("[data-countdown]")).toContainText("Replied after");
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText(`assigned to ${EMAIL}`);
  await expect(history).toContainText("first reply sent; status: new → contacted");
  if (javaScriptEnabled) await expectNoAxeViolations(page, "the lead page");

  // Mine, and the export of what the list shows.
  await page.goto("/inbox?assignee=mine&q=" + encodeURIComponent(name));
  await expect(page.locator("tr", { hasText: name })).toHaveCount(1);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export these leads (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv).toContain(name);
  expect(csv.trim().split("\r\n")).toHaveLength(2);

  // Log out: the inbox is closed again.
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/inbox\/login\?bye=1$/);
  await expect(page.getByRole("status")).toHaveText("You are logged out.");
  await page.goto("/inbox/dashboard");
  await expect(page).toHaveURL(/\/inbox\/login\?next=%2Finbox%2Fdashboard$/);
});

test("the dashboard shows the promise and the funnel", async ({ page, javaScriptEnabled }) => {
  await page.goto("/inbox/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard");
  await expect(page.getByText("Median time to reply")).toBeVisible();
  await expect(page.getByRole("heading", { name: "The guide's funnel" })).toBeVisible();
  if (javaScriptEnabled) await expectNoAxeViolations(page, "the dashboard");
});
