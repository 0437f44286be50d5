import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

test("a visitor sends the form and sees a reference and the reply-by time", async ({ page, javaScriptEnabled }) => {
  await page.goto("/contact");
  await page.getByLabel("Your name").fill("Zoë Ångström");
  await page.getByLabel("Work email").fill("zoe@example.com");
  await page.getByLabel("Company (optional)").fill("Example GmbH");
  await page.getByLabel("What are you building?").fill("A marketplace; we wonder whether to split it.");
  await page.getByLabel(/You may store what I send/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/contact\/thanks\?ref=AG-[0-9A-Z]{6}&book=AG-[0-9A-Z]{6}\.[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, your message has reached us");
  if (javaScriptEnabled) await expectNoAxeViolations(page, "the thanks page");
  await expect(page.getByText(/will reply by .* within 24 hours/)).toBeVisible();
});

test("a rejected form comes back with every value and a message beside each faulty field", async ({ page, javaScriptEnabled }) => {
  await page.goto("/contact");
  await page.getByLabel("Your name").fill("Zoë");
  await page.getByLabel("Work email").fill("zoe-at-example");
  await page.getByLabel("What are you building?").fill("Line one\nLine two </textarea> <b>bold?</b>");
  // Skip the browser's own checks so the server's messages show (as in browsers without them).
  await page.locator("form").evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("alert")).toContainText("Please check the 2 fields marked below");
  await expect(page.getByLabel("Work email")).toHaveValue("zoe-at-example");
  await expect(page.getByLabel("Your name")).toHaveValue("Zoë");
  await expect(page.getByLabel("What are you building?")).toHaveValue("Line one\nLine two </textarea> <b>bold?</b>");
  await expect(page.getByText("This does not look like an email address")).toBeVisible();
  await expect(page.getByText("Please agree so that we may store your message")).toBeVisible();
  if (javaScriptEnabled) {
    await expectNoAxeViolations(page, "the contact form with errors");
    // The island starts from what the server rendered: fixing a field clears its message as soon
    // as the visitor leaves it, and leaving the name untouched finds the name already there.
    await expect(async () => {
      await page.getByLabel("Work email").fill("zoe@example.com");
      await page.getByLabel("Your name").focus();
      await expect(page.getByText("This does not look like an email address")).toBeHidden({ timeout: 500 });
    }).toPass();
    await page.getByLabel("Company (optional)").focus();
    await expect(page.getByText("Please tell us your name")).toBeHidden();
    await expect(page.getByText("Please agree so that we may store your message")).toBeVisible();
  }
  await page.getByLabel("Work email").fill("zoe@example.com");
  await page.getByLabel(/You may store what I send/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/contact\/thanks\?ref=AG-/);
});

test("a guide result travels with the visitor to the form", async ({ page }) => {
  await page.goto("/guide?stage=idea&step=6");
  await page.getByRole("button", { name: "See my recommendation" }).click();
  await page.getByRole("link", { name: "Talk to us about this" }).click();
  await expect(page).toHaveURL(/\/contact\?result=[0-9a-z]{12}$/);
  await expect(page.getByText("We will discuss your guide result")).toContainText(" on ");
});

test("with JavaScript, a field is checked as soon as the visitor leaves it", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "live checks need scripts; without them the server's messages show after sending");
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/contact");
  const email = page.getByLabel("Work email");
  // The island wakes up when the browser is idle; retry until the check answers.
  await expect(async () => {
    await email.fill("zoe-at-example");
    await page.getByLabel("Company (optional)").focus();
    await expect(page.getByText("This does not look like an email address")).toBeVisible({ timeout: 500 });
  }).toPass();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await email.fill("zoe@example.com");
  await expect(page.getByText("This does not look like an email address")).toBeHidden();
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  // The island woke up on the server's markup without complaint.
  expect(errors).toEqual([]);
});
