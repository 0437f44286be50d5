import { expect, Page, test } from "@playwright/test";

// Every Content Security Policy violation the browser reports, on every kind of page, with
// JavaScript on (where scripts, wasm and styles are actually loaded and run).
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "policies matter where scripts run");

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

async function visit(page: Page, path: string, messages: string[]) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  // Islands hydrate when the browser is idle; give them the moment.
  await page.waitForTimeout(300);
  expect(await violations(page), `violations on ${path}`).toEqual([]);
  expect(messages.filter((m) => m.includes("Content Security Policy")), `console on ${path}`).toEqual([]);
}

test("no page breaks its Content Security Policy", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (m) => messages.push(m.text()));
  for (const path of ["/", "/learn", "/guide", "/guide?stage=growth&step=3", "/contact", "/privacy", "/no-such-page", "/inbox/login"]) {
    await visit(page, path, messages);
  }
  // A result page (cost chart, share buttons) and the thanks page.
  await page.goto("/guide?stage=growth&step=6");
  await page.getByRole("button", { name: /See my recommendation/ }).click();
  await expect(page).toHaveURL(/\/guide\/result\//);
  await visit(page, page.url(), messages);
  // The inbox.
  await page.goto("/inbox/login");
  await page.getByLabel("Email").fill("sales-e2e@example.com");
  await page.getByLabel("Password").fill("amber kettle drifts north");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  for (const path of ["/inbox", "/inbox/dashboard"]) {
    await visit(page, path, messages);
  }
});
