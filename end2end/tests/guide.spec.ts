import { expect, test } from "@playwright/test";

test("a visitor walks the guide to a permanent result, and the result opens in a fresh browser", async ({ page, browser }) => {
  await page.goto("/guide");
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
  await page.getByLabel("Growing").check();
  await page.getByLabel("One application").check();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await page.getByLabel("16–50").check();
  await page.getByRole("button", { name: "Next" }).click();

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
