import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

const PUBLIC_PAGES = ["/", "/learn", "/learn/cases", "/guide", "/contact", "/privacy"];

for (const scheme of ["light", "dark"] as const) {
  test(`every public page passes axe in ${scheme} mode`, async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "axe runs as a script in the page; the markup is the same without JavaScript");
    // Six pages, the cases page among them, each read whole by axe.
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of PUBLIC_PAGES) {
      await page.goto(path);
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoAxeViolations(page, `${path} (${scheme})`);
    }
  });
}

test("each public page has a distinct title and description", async ({ page }) => {
  const seen = new Set<string>();
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    const title = await page.title();
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description, path).toBeTruthy();
    seen.add(`${title}|${description}`);
  }
  expect(seen.size).toBe(PUBLIC_PAGES.length);
});

test("a keyboard user reaches the guide from the home page", async ({ page }) => {
  await page.goto("/");
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === "Start the guide") break;
  }
  await expect(page.getByRole("link", { name: "Start the guide", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/guide$/);
  await expect(page.getByText("Step 1 of 6")).toBeVisible();
});

test("every internal link on the public pages resolves", async ({ page, request }) => {
  const links = new Set<string>();
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    for (const href of await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      if (href.startsWith("/") && !href.startsWith("//")) links.add(href.split("#")[0] || path);
    }
  }
  for (const href of ["/favicon.svg", "/sitemap.xml", "/robots.txt"]) links.add(href);
  expect(links.size).toBeGreaterThan(5);
  for (const href of links) {
    const response = await request.get(href);
    const detail = response.ok() ? "" : ` ${JSON.stringify(response.headers())} ${(await response.text()).slice(0, 300)}`;
    expect(response.status(), `${href}${detail}`).toBe(200);
  }
});

test("anchors on the explainer lead to their sections", async ({ page }) => {
  await page.goto("/learn");
  const anchors = await page.locator('nav[aria-label="On this page"] a').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(anchors.length).toBe(7);
  for (const anchor of anchors) {
    await expect(page.locator(anchor)).toHaveCount(1);
  }
});

test("every public page fits a 320 px wide screen without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of [...PUBLIC_PAGES, "/guide?step=3", "/contact/thanks?ref=AG-000000"]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(320);
  }
});
