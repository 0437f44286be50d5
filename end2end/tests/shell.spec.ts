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

  test("the theme switch works without the browser bundle, says its state and is remembered", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const wasm: string[] = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const html = page.locator("html");
    await toggle.click();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(html).toHaveAttribute("data-theme", "light");
    expect(wasm).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("only pages with islands load the browser bundle", async ({ page, request }) => {
    const made = await request.post("/guide/result", { form: { stage: "growth" }, maxRedirects: 0 });
    const result = made.headers()["location"];
    expect(result).toMatch(/^\/guide\/result\//);
    const pages = ["/", "/learn", "/guide", "/guide?step=2", "/privacy", "/contact/thanks", "/no/such/page", "/inbox/login", "/contact", result];
    for (const path of pages) {
      const scripts: string[] = [];
      const listener = (r: { url(): string; resourceType(): string }) => {
        if (r.url().endsWith(".wasm") || r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      };
      page.on("request", listener);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      page.off("request", listener);
      const islands = await page.locator("leptos-island").count();
      const loadsWasm = scripts.some((s) => s.endsWith(".wasm"));
      expect(loadsWasm, `${path}: ${islands} islands, requested ${scripts.join(", ")}`).toBe(islands > 0);
      // The contact spec checks its island waking up (instant validation); the guide spec the copy link.
      if (islands === 0) expect(scripts, path).toEqual([]);
    }
  });
});

test.describe("with JavaScript off", () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, "checks the script-free page");

  test("the page is complete and the theme switch, which needs scripts, is hidden", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Dark theme", includeHidden: true })).toBeHidden();
    await expect(page.getByRole("link", { name: "Start the guide" })).toBeVisible();
  });
});
