// Runs axe-core on the current page and fails with a readable list of violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, Page } from "@playwright/test";

export async function expectNoAxeViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}
