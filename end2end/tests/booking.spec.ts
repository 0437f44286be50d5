// Booking a call in a real browser, with JavaScript on and off: from the thanks page to a free
// time, the call booked, moved to another time and cancelled, all as plain forms. With
// JavaScript the page guesses the visitor's zone (the browser here says New York); without, the
// zone field starts from the page's language. axe checks the booking pages in both languages
// and both colour schemes. scripts/e2e.sh gives two staff members hours every day, so two
// visitors who pick the same time at once both get a call.
import { expect, Page, test } from "@playwright/test";
import { axeInBothThemes } from "./a11y";

test.use({ timezoneId: "America/New_York" });

async function sendLead(page: Page, spanish: boolean): Promise<void> {
  if (spanish) {
    await page.goto("/es/contact");
    await page.getByLabel("Tu nombre").fill("Lucía");
    await page.getByLabel("Correo de trabajo").fill("lucia@example.com");
    await page.getByLabel("¿Qué estás construyendo?").fill("Un marketplace; dudamos si dividirlo.");
    await page.getByLabel(/Acepto que se guarde/).check();
    await page.getByRole("button", { name: "Enviar" }).click();
    await page.getByRole("link", { name: "Reservar una llamada" }).click();
  } else {
    await page.goto("/contact");
    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("Work email").fill("ada@example.org");
    await page.getByLabel("What are you building?").fill("An engine; we wonder whether to split it.");
    await page.getByLabel(/You may store what I send/).check();
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("link", { name: "Book a call" }).click();
  }
}


test("a visitor books a call, moves it and cancels it", async ({ page, javaScriptEnabled }) => {
  test.setTimeout(90_000);
  await sendLead(page, false);
  await expect(page).toHaveURL(/\/book\/AG-[0-9A-Z]{6}\.[\w-]+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Book a call");
  if (javaScriptEnabled) {
    // The script asked the browser for its zone and reloaded the times in it.
    await expect(page).toHaveURL(/\?zone=America%2FNew_York$/);
    await expect(page.getByText("Times are shown in America/New_York.")).toBeVisible();
    await axeInBothThemes(page, "the booking page");
  } else {
    await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/London");
    await expect(page.getByText("Times are shown in Europe/London.")).toBeVisible();
  }
  // The first free time, whichever day it falls on.
  const first = page.locator('input[name="slot"]').first();
  const picked = await first.getAttribute("value");
  expect(picked).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
  await first.check();
  await page.getByRole("button", { name: "Book this time" }).click();
  await expect(page.getByRole("status")).toContainText("Your call is booked");
  if (javaScriptEnabled) await axeInBothThemes(page, "a booked call");

  // The calendar file is there for the visitor's own calendar.
  const ics = page.getByRole("link", { name: "Add to my calendar (.ics)" });
  const download = await page.request.get((await ics.getAttribute("href"))!);
  expect(download.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await download.text()).toContain(`DTSTART:${picked!.replace(/[-:]/g, "")}`);

  // Another time: the last one offered.
  await page.getByText("Change the time").click();
  const later = page.locator('input[name="slot"]').last();
  const moved = await later.getAttribute("value");
  await later.check();
  await page.getByRole("button", { name: "Move the call to this time" }).click();
  await expect(page).toHaveURL(/\?call=moved$/);
  await expect(page.getByText("Your call has moved.")).toBeVisible();
  const again = await page.request.get((await ics.getAttribute("href"))!);
  expect(await again.text()).toContain(`DTSTART:${moved!.replace(/[-:]/g, "")}`);

  await page.getByRole("button", { name: "Cancel the call" }).click();
  // (With JavaScript the page then asks for its times in the browser's zone, keeping the notice.)
  await expect(page).toHaveURL(/[?&]call=cancelled(&zone=America%2FNew_York)?$/);
  await expect(page.getByText("Your call is cancelled.")).toBeVisible();
  // Free times are offered again.
  await expect(page.getByRole("button", { name: "Book this time" })).toBeVisible();
});

test("the Spanish booking page speaks Spanish", async ({ page, javaScriptEnabled }) => {
  await sendLead(page, true);
  await expect(page).toHaveURL(/\/es\/book\/AG-[0-9A-Z]{6}\.[\w-]+/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reservar una llamada");
  if (!javaScriptEnabled) await expect(page.getByLabel("Tu zona horaria")).toHaveValue("Europe/Madrid");
  else await axeInBothThemes(page, "the Spanish booking page");
});
