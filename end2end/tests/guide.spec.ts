import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

test("a visitor walks the guide to a permanent result, and the result opens in a fresh browser", async ({ page, browser }) => {
  await page.goto("/guide");
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
  await page.getByLabel("Growing").check();
  await page.getByLabel("One application").check();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await page.getByLabel("16–50").check();
  await page.getByRole("button", { name: "Next" }).click();

  // The browser's back button returns to the previous step with its answer still chosen.
  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  await page.goBack();
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await expect(page.getByLabel("16–50")).toBeChecked();
  await page.goForward();

  // Reload mid-way: the answers live in the URL.
  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  await page.getByLabel("Variable").check();

  // The back button of the guide keeps what was chosen.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await expect(page.getByLabel("16–50")).toBeChecked();

  for (let step = 2; step < 6; step++) {
    await page.getByRole("button", { name: "Next" }).click();
  }
  await expect(page.getByText("Step 6 of 6")).toBeVisible();
  await page.getByRole("button", { name: "See my recommendation" }).click();

  await expect(page).toHaveURL(/\/guide\/result\/[0-9a-z]{12}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Build");
  await expect(page.getByRole("heading", { name: /What it would cost/ })).toBeVisible();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(await page.getByRole("heading", { level: 1 }).innerText());
  await fresh.close();
});

test("an out-of-range exact number comes back on its step with the value and a message", async ({ page }) => {
  await page.goto("/guide?step=2");
  await page.getByLabel("Exactly").first().check();
  await page.getByRole("spinbutton").first().fill("0");
  // The browser's own validation would stop the post first; submit without it.
  await page.locator("form").evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await expect(page.getByText("This answer must be a whole number from 1 to 100,000.")).toBeVisible();
  await expect(page.getByRole("spinbutton").first()).toHaveValue("0");
});

for (const scheme of ["light", "dark"] as const) {
  test(`every step of the guide and the result page pass axe in ${scheme} mode`, async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "axe runs as a script in the page; the markup is the same without JavaScript");
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/guide");
    for (let step = 1; step <= 6; step++) {
      await expect(page.getByText(`Step ${step} of 6`)).toBeVisible();
      await expectNoAxeViolations(page, `guide step ${step} (${scheme})`);
      const next = page.getByRole("button", { name: "Next" });
      if (step < 6) await next.click();
    }
    await page.getByRole("button", { name: "See my recommendation" }).click();
    await expect(page).toHaveURL(/\/guide\/result\//);
    await page.getByText("The numbers behind the chart").click();
    await expectNoAxeViolations(page, `result (${scheme})`);
  });
}

test("the result page copies its link with JavaScript on, and shows it as text without", async ({ page, javaScriptEnabled, context }) => {
  const response = await page.request.post("/guide/result", { form: { stage: "mvp" }, maxRedirects: 0 });
  const location = response.headers()["location"];
  await page.goto(location);
  await expect(page.getByText("Permanent link:")).toContainText(location);
  const copy = page.getByRole("button", { name: "Copy link" });
  if (!javaScriptEnabled) {
    await expect(copy).toBeHidden();
    return;
  }
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await expect(copy).toBeVisible();
  // The page script works the button from the first paint: no bundle to wait for.
  await copy.click();
  await expect(page.getByRole("status")).toHaveText("Link copied.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(new RegExp(`${location}$`));
});
