// The advice loop in a real browser, with JavaScript on and off: a verdict recorded on a lead; the model page's draft refused with its line, then checked (the check's page
// moves by itself until it is done); the case library refusing a case with a mistake next to
// its field; and nothing axe objects to on any of these pages, light and dark. Nothing is
// published here: the other specs share this server and its model.
import { expect, Page, test } from "@playwright/test";
import { axeInBothThemes } from "./a11y";

const ADMIN = "admin-e2e@example.com";
const PASSWORD = "amber kettle drifts north";

async function logIn(page: Page) {
  await page.goto("/inbox/login");
  await page.getByLabel("Email").fill(ADMIN);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
}


test("a verdict is recorded on a lead, and a draft of the model is refused, then checked", async ({
  page,
  javaScriptEnabled,
}, info) => {
  test.setTimeout(90_000);
  const stamp = `${info.project.name}-${Date.now()}`;
  await page.goto("/contact");
  await page.getByLabel("Your name").fill(`Verdict ${stamp}`);
  await page.getByLabel("Work email").fill(`verdict-${stamp}@example.org`);
  await page.getByLabel("What are you building?").fill("A payments platform.");
  await page.getByLabel(/You may store what I send/).check();
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/contact\/thanks\?ref=AG-/);
  const reference = new URL(page.url()).searchParams.get("ref")!;

  await logIn(page);
  await page.goto(`/inbox/leads/${reference}`);
  const verdict = page.locator("section", { has: page.getByRole("heading", { name: "Your verdict" }) });
  await verdict.getByLabel("Why (optional)").fill("Two teams, one database: fewer parts first.");
  await verdict.getByRole("button", { name: "Record the verdict" }).click();
  await verdict.getByLabel("Organisation you advised").selectOption("modular_monolith");
  await verdict.getByLabel("How you advised them to run it").selectOption("managed_containers");
  await verdict.getByRole("button", { name: "Record the verdict" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Verdict recorded beside the guide's advice.");
  await expect(page.locator("[data-verdict]")).toContainText("fewer parts first");
  await axeInBothThemes(page, "a lead with a verdict", javaScriptEnabled);

  // A draft that does not read comes back as typed, its problem naming the line.
  await page.goto("/inbox/model");
  await expect(page.locator("[data-model-version]")).toContainText("In use: version");
  await axeInBothThemes(page, "the model page", javaScriptEnabled);
  const model = page.getByLabel("Model (model.toml)");
  const shipped = await model.inputValue();
  await model.fill(shipped.replace("[cost]", "[cost"));
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page.locator("#draft-model-error")).toContainText("line");
  expect(await page.getByLabel("Model (model.toml)").inputValue()).toContain("[cost\n");
  await axeInBothThemes(page, "a refused draft", javaScriptEnabled);

  // The draft as it is: checked against the cases and the stored results.
  await page.goto("/inbox/model");
  await page.getByRole("button", { name: "Check the draft" }).click();
  await expect(page).toHaveURL(/\/inbox\/model\/checks\/\d+$/);
  await expect(page.locator("[data-check-status]")).toHaveAttribute("data-check-status", "finished", { timeout: 30_000 });
  await expect(page.locator("[data-cases-summary]")).toContainText("pass");
  await expect(page.locator("[data-replay-summary]")).toContainText("0 of");
  await axeInBothThemes(page, "a finished check", javaScriptEnabled);

  // A case with a mistake is refused next to its field, the rest as typed.
  await page.goto("/inbox/model/cases");
  await axeInBothThemes(page, "the case library", javaScriptEnabled);
  await page.getByLabel("Title").fill(`Case ${stamp}`);
  await page.getByLabel(/Answers, one/).fill("engineers = \"many\"");
  await page.getByLabel("monolith", { exact: true }).check();
  await page.getByLabel("functions", { exact: true }).check();
  await page.getByLabel(/Who, which write-up/).fill("The e2e run");
  await page.getByRole("button", { name: "Add the case" }).click();
  await expect(page.locator("#case-answers-error")).toContainText("engineers");
  await expect(page.getByLabel("Title")).toHaveValue(`Case ${stamp}`);
  await page.getByLabel(/Answers, one/).fill("engineers = 3\nstage = \"mvp\"");
  await page.getByRole("button", { name: "Add the case" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Case added: every check runs it from now on.");
  await expect(page.locator("tr", { hasText: `Case ${stamp}` })).toHaveCount(1);
});
