// The map of the idea: drawn on the server, readable in light, dark and print, at 320 px, from
// the keyboard, and with or without JavaScript.
import { expect, Page, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

const MAP = "svg.idea-map";

async function resultFor(page: Page, form: Record<string, string>): Promise<string> {
  const response = await page.request.post("/guide/result", { form, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return response.headers()["location"];
}

const FOUNDERS = { stage: "idea", engineers: "2", load_shape: "spiky", monthly_requests: "50000", ops_maturity: "none", domain_clarity: "unclear", cost_priority: "lowest_when_idle" };

test("the landing page, the explainer and a result each show the map with sixteen cells", async ({ page }) => {
  for (const path of ["/", "/learn", await resultFor(page, FOUNDERS)]) {
    await page.goto(path);
    const map = page.locator(MAP);
    await expect(map).toBeVisible();
    await expect(map.locator("a")).toHaveCount(16);
    await expect(map.locator("title")).toHaveText("How you organise it × how you run it");
    await expect(page.locator(`figure:has(${MAP}) table tbody tr`)).toHaveCount(16);
  }
  // The explainer shows the table; elsewhere it is one click away.
  await page.goto("/learn");
  await expect(page.getByRole("cell", { name: /^One code base deployed as functions/ })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("cell", { name: /^One code base deployed as functions/ })).toBeHidden();
  await page.getByText("The map as a table").click();
  await expect(page.getByRole("cell", { name: /^One code base deployed as functions/ })).toBeVisible();
});

test("a result marks the recommended cell and names it", async ({ page }) => {
  await page.goto(await resultFor(page, FOUNDERS));
  const marked = page.locator(`${MAP} rect[data-kind="mark"]`);
  await expect(marked).toHaveCount(1);
  const cell = page.getByRole("link", { name: /your recommendation$/ });
  await expect(cell).toHaveAccessibleName(/^Small app, spiky load \d+: a monolith on functions \(FaaS\), fit \d+ of 100, your recommendation$/);
  await expect(cell).toHaveAccessibleDescription(/^One code base deployed as functions/);
  await expect(page.getByRole("heading", { name: "Where your system sits" })).toBeVisible();
});

test("a keyboard user reaches a cell's explanation", async ({ page }) => {
  await page.goto("/");
  const cell = page.getByRole("link", { name: "Heavy ops, every team: microservices on virtual machines, a warning" });
  await cell.focus();
  await expect(cell).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#combo-microservices-virtual_machines$/);
  // The row sits in the closed table: following its link opens it.
  await expect(page.getByRole("cell", { name: /^Many services on machines you run yourself/ })).toBeVisible();
});

/** The lightness (0-100) of the colour a map's words are drawn in. */
async function inkLightness(page: Page): Promise<number> {
  return page.locator(`${MAP} text`).first().evaluate((t) => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    canvas.fillStyle = getComputedStyle(t).fill;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    return ((Math.max(r, g, b) + Math.min(r, g, b)) / 2 / 255) * 100;
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`the map is drawn for ${scheme} mode and passes axe there`, async ({ page, javaScriptEnabled }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    const lightness = await inkLightness(page);
    if (scheme === "light") expect(lightness).toBeLessThan(25);
    else expect(lightness).toBeGreaterThan(85);
    if (javaScriptEnabled) await expectNoAxeViolations(page, `/ with the map (${scheme})`);
  });
}

test("printed, the map uses black ink even when the screen is dark", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark", media: "print" });
  await page.goto("/learn");
  expect(await inkLightness(page)).toBe(0);
});

test("at 320 px the map fills the screen's width and its words stay legible", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ["/", await resultFor(page, FOUNDERS)]) {
    await page.goto(path);
    const box = await page.locator(MAP).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    // 9.5 units of text in a 320-unit-wide drawing: at least 8 CSS pixels on screen.
    expect((box!.width / 320) * 9.5, path).toBeGreaterThanOrEqual(8);
  }
});
