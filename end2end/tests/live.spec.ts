import { Browser, expect, Page, test } from "@playwright/test";

// Two instances on one PostgreSQL database, started by scripts/e2e.sh with a 75 s reply
// promise (the reminder 60 s before), so a countdown visibly moves during a test.
const A = process.env.BASE_URL_A ?? "";
const B = process.env.BASE_URL_B ?? "";
const EMAIL = "sales-e2e@example.com";
const PASSWORD = "amber kettle drifts north";

test.skip(!A || !B, "needs the two PostgreSQL instances that scripts/e2e.sh starts");

async function newPage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  return context.newPage();
}

async function logIn(page: Page, base: string) {
  await page.goto(`${base}/inbox/login`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
}

async function sendLead(page: Page, base: string, name: string): Promise<string> {
  await page.goto(`${base}/contact`);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill("live@example.com");
  await page.getByLabel("What are you building?").fill("A platform for many teams.");
  await page.getByLabel(/You may store what I send/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/contact\/thanks\?ref=AG-/);
  return new URL(page.url()).searchParams.get("ref")!;
}

test("a lead sent to one instance appears in an inbox open on the other, and its countdown ticks", async ({
  browser,
  javaScriptEnabled,
}, info) => {
  const inbox = await newPage(browser, javaScriptEnabled);
  const visitor = await newPage(browser, javaScriptEnabled);
  await logIn(inbox, A);
  const name = `Live ${info.project.name} ${Date.now()}`;
  const row = inbox.locator("tr", { hasText: name });
  if (!javaScriptEnabled) {
    // Without JavaScript the list is what it was, until it is reloaded.
    await sendLead(visitor, B, name);
    await expect(row).toHaveCount(0);
    await inbox.reload();
    await expect(row).toHaveCount(1);
    return;
  }
  await inbox.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await sendLead(visitor, B, name);
  await expect(row).toHaveCount(1, { timeout: 10_000 });
  await expect(inbox).toHaveTitle(/^\(\d+\) Leads · Inbox/);
  const badge = row.locator("[data-countdown]");
  await expect(badge).toHaveText(/^(On track|Reply soon): /);
  // 15 s after it arrived, the lead is inside the last minute: the badge turns by itself.
  await expect(badge).toHaveAttribute("data-countdown", "soon", { timeout: 25_000 });
  const shown = (await badge.textContent()) ?? "";
  expect(shown).toMatch(/^Reply soon: \d+ s left$/);
  await expect(badge).not.toHaveText(shown, { timeout: 5_000 });
  // None of this reloaded the page.
  expect(await inbox.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});

test("a colleague's change shows on an open lead page without taking what is being typed", async ({
  browser,
  javaScriptEnabled,
}, info) => {
  test.skip(!javaScriptEnabled, "without JavaScript a page changes when it is reloaded");
  const mine = await newPage(browser, true);
  const colleague = await newPage(browser, true);
  const visitor = await newPage(browser, true);
  const reference = await sendLead(visitor, B, `Colleague ${info.project.name} ${Date.now()}`);
  await logIn(mine, A);
  await logIn(colleague, B);
  await mine.goto(`${A}/inbox/leads/${reference}`);
  await mine.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  // I start writing a note and leave the field (as when reading the message again).
  await mine.getByLabel("Internal note").fill("My half-written note");
  await mine.getByRole("heading", { name: "History" }).click();

  await colleague.goto(`${B}/inbox/leads/${reference}`);
  await colleague.getByLabel("Internal note").fill("Colleague: called them, call back Monday.");
  await colleague.getByRole("button", { name: "Add note" }).click();
  await expect(colleague.getByRole("status")).toHaveText("Note added.");
  await colleague.getByLabel("Status", { exact: true }).selectOption("qualified");
  await colleague.getByRole("button", { name: "Change status" }).click();

  const history = mine.getByRole("region", { name: "History" });
  await expect(history).toContainText("note: Colleague: called them", { timeout: 10_000 });
  await expect(history).toContainText("status: new → qualified", { timeout: 10_000 });
  await expect(mine.getByRole("region", { name: "Notes" })).toContainText("call back Monday");
  await expect(mine.locator("[data-live=summary]")).toContainText("Status: Qualified");
  // What I was typing is still there.
  await expect(mine.getByLabel("Internal note")).toHaveValue("My half-written note");
  expect(await mine.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
});
