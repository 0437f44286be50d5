// The conversation in a real browser: a lead's answer, delivered into the shared mailbox (a
// Dovecot that scripts/e2e.sh starts, fed by Python's imaplib), shows in its thread as text with
// its history folded and its file to download; an unmatched message is attached from the
// Unmatched view; all of it with JavaScript on and off, and with nothing axe objects to.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, Page, test } from "@playwright/test";
import { axeInBothThemes } from "./a11y";

const EMAIL = "sales-e2e@example.com";
const PASSWORD = "amber kettle drifts north";
const IMAP_PORT = process.env.E2E_IMAP_PORT ?? "";

/** Delivers a message into the shared mailbox, as a mail server would. */
function deliver(message: string) {
  const dir = mkdtempSync(join(tmpdir(), "archguide-mail-"));
  const file = join(dir, "message.eml");
  writeFileSync(file, message.replace(/\n/g, "\r\n"));
  execFileSync("../.venv/bin/python", ["../tests/tools/mailbox.py", "append", IMAP_PORT, "sales", "secret", file]);
}

async function logIn(page: Page) {
  await page.goto("/inbox/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
}


/** Reloads until the page holds `text` (the reader looks every second). */
async function until(page: Page, text: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.locator("main")).toContainText(text, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

test("a lead's answer comes into its thread, and an unmatched message is attached to it", async ({
  page,
  javaScriptEnabled,
}, info) => {
  test.skip(!IMAP_PORT, "no shared mailbox in this run");
  const stamp = `${info.project.name}-${Date.now()}`;
  const address = `thread-${stamp}@example.org`;
  const name = `Thread ${stamp}`;
  await page.goto("/contact");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill(address);
  await page.getByLabel("What are you building?").fill("A booking platform.");
  await page.getByLabel(/You may store what I send/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/contact\/thanks\?ref=AG-/);
  const reference = new URL(page.url()).searchParams.get("ref")!;

  // We answered by phone; their email answer then waits on us again.
  await logIn(page);
  await page.goto(`/inbox/leads/${reference}`);
  await page.getByRole("button", { name: "Mark replied" }).click();
  await expect(page.getByRole("status")).toHaveText("Reply recorded.");
  deliver(
    `From: ${name} <${address}>\nTo: sales@axiomtech.example\nSubject: Re: our call\nMessage-ID: <${stamp}@example.org>\n` +
      `Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n` +
      `Thanks, here is our <b>plan</b>.\n\nOn Mon, Sam wrote:\n> Send us your plan.\n` +
      `--b\nContent-Type: text/plain; name="plan.txt"\nContent-Disposition: attachment; filename="plan.txt"\n\nStep 1: a modular monolith.\n--b--\n`,
  );
  await until(page, "Thanks, here is our <b>plan</b>.");
  const answer = page.locator('[data-inbound="answer"]');
  await expect(answer).toContainText("(them)");
  await expect(answer.locator("[data-body]")).toHaveText("Thanks, here is our <b>plan</b>.");
  await expect(answer.getByText("Send us your plan.")).toBeHidden();
  await answer.getByText("Show earlier messages").click();
  await expect(answer.getByText("> Send us your plan.")).toBeVisible();
  await expect(page.locator("[data-waiting]")).toHaveText("Their answer: waiting on us");
  const downloading = page.waitForEvent("download");
  await answer.getByRole("link", { name: /plan\.txt/ }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe("plan.txt");
  expect(readFileSync(await file.path(), "utf8")).toContain("Step 1: a modular monolith.");
  if (javaScriptEnabled) await axeInBothThemes(page, "a thread with an answer");

  // The list's filter finds it waiting on us.
  await page.goto(`/inbox?waiting=us&q=${encodeURIComponent(name)}`);
  await expect(page.locator("tr", { hasText: name })).toHaveCount(1);

  // A message that names no lead waits in the Unmatched view until it is attached.
  const stray = `Stray ${stamp}`;
  deliver(`From: Someone <someone-${stamp}@elsewhere.example>\nTo: sales@axiomtech.example\nSubject: ${stray}\n\nAbout ${name}.\n`);
  await page.goto("/inbox/unmatched");
  await until(page, stray);
  if (javaScriptEnabled) await axeInBothThemes(page, "the unmatched messages");
  const item = page.locator("li[data-unmatched]", { hasText: stray });
  await item.getByLabel("Lead reference").fill("AG-NOTONE");
  await item.getByRole("button", { name: "Attach to this lead" }).click();
  await expect(page.locator("li[data-unmatched]", { hasText: stray }).getByLabel("Lead reference")).toHaveValue("AG-NOTONE");
  await expect(page.locator("main")).toContainText("Write the lead's reference");
  await page.locator("li[data-unmatched]", { hasText: stray }).getByLabel("Lead reference").fill(reference);
  await page.locator("li[data-unmatched]", { hasText: stray }).getByRole("button", { name: "Attach to this lead" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Attached: the message is in the lead's conversation now.");
  await page.goto(`/inbox/leads/${reference}`);
  await expect(page.locator('[data-inbound="answer"]', { hasText: `About ${name}.` })).toContainText(
    `Attached by ${EMAIL}`,
  );
});
