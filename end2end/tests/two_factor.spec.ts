// Two-factor authentication in a real browser, with JavaScript on and off: set up from the
// account page with a code computed here from the key the page shows, then log in with a code
// and with a recovery code, and turn it off again. scripts/e2e.sh creates one account per
// project and gives the server the key that seals secrets.
import { expect, Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { axeInBothThemes } from "./a11y";

const PASSWORD = "amber kettle drifts north";

function code(secret: string, at: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, "")), digits: 6, period: 30 }).generate({ timestamp: at });
}

async function passwordStep(page: Page, email: string) {
  await page.goto("/inbox/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out", exact: true }).click();
  await expect(page).toHaveURL(/\/inbox\/login\?bye=1$/);
}


test("a staff member sets up a second factor, logs in with a code and a recovery code, and turns it off", async ({ page, javaScriptEnabled }, info) => {
  // Three pages checked with axe in two themes, and a login four times over.
  test.setTimeout(90_000);
  const email = `2fa-${info.project.name}@example.com`;
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/inbox$/);

  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.locator("[data-two-factor]")).toHaveAttribute("data-two-factor", "off");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(page.getByRole("img", { name: "QR code that adds this account to an authenticator app" })).toBeVisible();
  await axeInBothThemes(page, "the set-up", javaScriptEnabled);
  const secret = (await page.locator("[data-totp-secret]").innerText()).trim();
  expect(secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);

  await page.getByLabel("Enter the code the app shows").fill("000000");
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByText("That code does not match")).toBeVisible();
  await expect(page.getByLabel("Enter the code the app shows")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Enter the code the app shows").fill(code(secret, Date.now()));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  await expect(page.getByRole("status")).toContainText("Two-factor authentication is on");
  const recovery = await page.locator("[data-recovery-codes] li").allInnerTexts();
  expect(recovery).toHaveLength(10);
  await axeInBothThemes(page, "the recovery codes", javaScriptEnabled);
  await logOut(page);

  // The password alone now leads to the second step; the app's next code (one step of clock
  // drift, and later than the code that confirmed the set-up) opens the inbox.
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/inbox\/login\/code$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your code");
  await axeInBothThemes(page, "the code step", javaScriptEnabled);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/inbox\/login\?next=/);
  await passwordStep(page, email);
  await page.getByLabel("Code").fill("123456");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right");
  await page.getByLabel("Code").fill(code(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await logOut(page);

  // A recovery code instead of the app: once.
  await passwordStep(page, email);
  await page.getByLabel("Code").fill(recovery[0]);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.locator("[data-two-factor]")).toContainText("9 of 10 recovery codes left");

  const off = page.getByRole("region", { name: "Turn it off" });
  await off.getByLabel("A current code from your app, or your password").fill(PASSWORD);
  await off.getByRole("button", { name: "Turn two-factor authentication off" }).click();
  await expect(page.getByRole("status")).toContainText("Two-factor authentication is off");
  await expect(page.locator("[data-two-factor]")).toHaveAttribute("data-two-factor", "off");
  await logOut(page);
  await passwordStep(page, email);
  await expect(page).toHaveURL(/\/inbox$/);
});
