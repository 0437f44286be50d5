import { expect, test } from "@playwright/test";

test("the home page shows the shell: one h1, navigation, footer, English", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/AxiomTech/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveCount(1);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Learn" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Guide" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Talk to us" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("within 24 hours");
});

test("the navigation leads to each section and marks the current page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Learn" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("link", { name: "Learn" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle(/explained/);
});

test("the first Tab reaches the skip link, which moves to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("an unknown address answers 404 with a page that helps", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  await expect(page.getByRole("link", { name: "the decision guide" })).toBeVisible();
});

test.describe("with JavaScript on", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "needs scripts");

  test("islands hydrate and the theme switch works and is remembered", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "Switch between light and dark theme" });
    await expect(toggle).toHaveAttribute("data-hydrated", "true");
    const html = page.locator("html");
    const before = await html.getAttribute("data-theme");
    await toggle.click();
    const after = await html.getAttribute("data-theme");
    expect(after === "dark" || after === "light").toBe(true);
    expect(after).not.toBe(before);
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", after!);
    expect(errors).toEqual([]);
  });
});

test.describe("with JavaScript off", () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, "checks the script-free page");

  test("the page is complete and the theme switch, which needs scripts, is hidden", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: /theme/ })).toBeHidden();
    await expect(page.getByRole("link", { name: "Start the guide" })).toBeVisible();
  });
});
