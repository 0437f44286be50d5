import { expect, Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

// Published cases: "teams like yours" on a result page (English and Spanish) and the page of
// every case at /learn/cases, with their sources.

// A small team that split into many services and runs them on functions: the nearest
// published cases include teams that merged back.
const SMALL_TEAM = {
  stage: "growth",
  starting_point: "distributed",
  engineers: "6",
  teams: "1",
  load_shape: "variable",
  independent_releases: "no",
  scaling_divergence: "none",
  ops_maturity: "basic",
};

async function resultFor(page: Page, form: Record<string, string>, prefix = ""): Promise<string> {
  const response = await page.request.post(`${prefix}/guide/result`, { form, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return response.headers()["location"];
}

test("a result shows the three nearest published cases with their sources", async ({ page }) => {
  await page.goto(await resultFor(page, SMALL_TEAM));
  const section = page.locator("[data-similar-cases]");
  await expect(section.getByRole("heading", { name: "Teams like yours" })).toBeVisible();
  const items = section.locator("li[data-case]");
  await expect(items).toHaveCount(3);
  for (const item of await items.all()) {
    await expect(item.getByText(/^Like you: |None of your answers match/)).toBeVisible();
    const source = item.getByRole("link", { name: /^Their own write-up: / });
    expect(await source.getAttribute("href")).toMatch(/^https:\/\/[^ ]+$/);
    if ((await item.getAttribute("data-agrees")) === "false") {
      await expect(item.getByText(/Their outcome differs from your result/)).toBeVisible();
    }
  }
  await section.getByRole("link", { name: "Every published case, sourced and dated" }).click();
  await expect(page).toHaveURL(/\/learn\/cases$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Published cases");
});

test("the Spanish result shows its nearest cases in Spanish, linking to the Spanish cases page", async ({ page }) => {
  await page.goto(await resultFor(page, SMALL_TEAM, "/es"));
  const section = page.locator("[data-similar-cases]");
  await expect(section.getByRole("heading", { name: "Equipos como el tuyo" })).toBeVisible();
  await expect(section.locator("li[data-case]")).toHaveCount(3);
  await expect(section.getByRole("link", { name: /^Su propio artículo: / }).first()).toHaveAttribute("href", /^https:\/\//);
  await section.getByRole("link", { name: "Todos los casos publicados, con fuente y fecha" }).click();
  await expect(page).toHaveURL(/\/es\/learn\/cases$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Casos publicados");
});

test("the cases page lists every case by what it teaches, each dated, sourced and held against the guide", async ({ page }) => {
  await page.goto("/learn");
  await page.getByRole("link", { name: "published cases" }).click();
  await expect(page).toHaveURL(/\/learn\/cases$/);
  for (const heading of ["Back to fewer parts", "Own servers for a steady load", "One codebase, many engineers", "Many services, many teams"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const cases = page.locator("section article[id]");
  expect(await cases.count()).toBeGreaterThanOrEqual(20);
  for (const item of await cases.all()) {
    const source = item.getByRole("link").first();
    expect(await source.getAttribute("href")).toMatch(/^https:\/\//);
    // Every case fits the guide's own advice for its answers.
    await expect(item.locator("[data-guide-agrees]")).toHaveAttribute("data-guide-agrees", "true");
  }
  await expect(page.getByRole("heading", { level: 3, name: "Segment" })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`the cases page and a result's cases pass axe in ${scheme} mode`, async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "axe runs as a script in the page; the markup is the same without JavaScript");
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/learn/cases", "/es/learn/cases", await resultFor(page, SMALL_TEAM), await resultFor(page, SMALL_TEAM, "/es")]) {
      await page.goto(path);
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoAxeViolations(page, `${path} (${scheme})`);
    }
  });
}
