// Runs axe-core on the current page and fails with a readable list of violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, Page } from "@playwright/test";

export async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

/** Runs axe in the light theme and the dark one, then goes back to light. axe runs in the page,
 * so without JavaScript there is nothing to run. */
export async function axeInBothThemes(page: Page, where: string, javaScriptEnabled = true) {
  if (!javaScriptEnabled) return;
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${where} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
