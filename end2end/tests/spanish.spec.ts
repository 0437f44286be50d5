import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./a11y";

// The Spanish site: every page under /es/, the guide walked to a result with and without
// JavaScript, and the contact form's checks in Spanish.
const SPANISH_PAGES = ["/es/", "/es/learn", "/es/learn/cases", "/es/guide", "/es/contact", "/es/privacy"];

test("a visitor walks the guide in Spanish to a Spanish result", async ({ page }) => {
  await page.goto("/es/guide");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByText("Paso 1 de 6")).toBeVisible();
  await page.getByLabel("En crecimiento").check();
  await page.getByLabel("Una sola aplicación").check();
  await page.getByRole("button", { name: "Siguiente" }).click();

  await expect(page.getByText("Paso 2 de 6")).toBeVisible();
  await page.getByLabel("16–50").check();
  await page.getByRole("button", { name: "Siguiente" }).click();

  await expect(page.getByText("Paso 3 de 6")).toBeVisible();
  // Switching to English on the way keeps the step and the answers given so far.
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("Step 3 of 6")).toBeVisible();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByText("Step 2 of 6")).toBeVisible();
  await expect(page.getByLabel("16–50")).toBeChecked();
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page.getByText("Paso 2 de 6")).toBeVisible();
  await expect(page.getByLabel("16–50")).toBeChecked();
  await page.getByRole("button", { name: "Siguiente" }).click();
  await expect(page.getByText("Paso 3 de 6")).toBeVisible();
  await page.getByLabel(/^Constante/).check();

  for (let step = 3; step < 6; step++) {
    await page.getByRole("button", { name: "Siguiente" }).click();
  }
  await expect(page.getByText("Paso 6 de 6")).toBeVisible();
  await page.getByRole("button", { name: "Ver mi recomendación" }).click();

  await expect(page).toHaveURL(/\/es\/guide\/result\/[0-9a-z]{12}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Construye");
  await expect(page.getByRole("heading", { name: /Cuánto costaría ejecutarlo/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Cómo organizarlo/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Hablemos de esto" })).toHaveAttribute("href", /^\/es\/contact\?result=/);
});

test("an impossible answer comes back on its step with a Spanish message", async ({ page }) => {
  await page.goto("/es/guide?step=2");
  await page.getByLabel("Exactamente").first().check();
  await page.getByRole("spinbutton").first().fill("0");
  await page.locator("form").evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await page.getByRole("button", { name: "Siguiente" }).click();
  await expect(page.getByText("Paso 2 de 6")).toBeVisible();
  await expect(page.getByText("Esta respuesta debe ser un número entero entre 1 y 100.000.")).toBeVisible();
});

test("the contact form checks and answers in Spanish", async ({ page, javaScriptEnabled }) => {
  await page.goto("/es/contact");
  await page.getByLabel("Tu nombre").fill("Lucía");
  await page.getByLabel("Correo de trabajo").fill("lucia-en-example");
  if (javaScriptEnabled) {
    // The island wakes up when the browser is idle; retry until the check answers.
    await expect(async () => {
      await page.getByLabel("Correo de trabajo").fill("lucia-en-example");
      await page.getByLabel("Empresa (opcional)").focus();
      await expect(page.getByText("Esto no parece una dirección de correo")).toBeVisible({ timeout: 500 });
    }).toPass();
  }
  await page.getByLabel("Correo de trabajo").fill("lucia@example.com");
  await page.getByLabel("¿Qué estás construyendo?").fill("Un marketplace; dudamos si dividirlo.");
  await page.getByLabel(/Acepto que se guarde/).check();
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page).toHaveURL(/\/es\/contact\/thanks\?ref=AG-[0-9A-Z]{6}&book=AG-[0-9A-Z]{6}\.[\w-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gracias, tu mensaje nos ha llegado");
  await expect(page.getByText(/te responderá antes del .* en menos de 24 horas/)).toBeVisible();
  if (javaScriptEnabled) await expectNoAxeViolations(page, "the Spanish thanks page");
});

for (const scheme of ["light", "dark"] as const) {
  test(`every Spanish page passes axe in ${scheme} mode`, async ({ page, javaScriptEnabled }) => {
    test.skip(!javaScriptEnabled, "axe runs as a script in the page; the markup is the same without JavaScript");
    // Thirteen pages, the cases page among them, each read whole by axe.
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of SPANISH_PAGES) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.locator("h1")).toHaveCount(1);
      await expectNoAxeViolations(page, `${path} (${scheme})`);
    }
    // Every step of the guide, then the result it leads to.
    await page.goto("/es/guide");
    for (let step = 1; step <= 6; step++) {
      await expect(page.getByText(`Paso ${step} de 6`)).toBeVisible();
      await expectNoAxeViolations(page, `Spanish guide step ${step} (${scheme})`);
      const next = page.getByRole("button", { name: "Siguiente" });
      if (step < 6) await next.click();
    }
    await page.getByRole("button", { name: "Ver mi recomendación" }).click();
    await expect(page).toHaveURL(/\/es\/guide\/result\//);
    await expectNoAxeViolations(page, `the Spanish result page (${scheme})`);
    await page.goto("/es/no-such-page");
    await expectNoAxeViolations(page, `the Spanish not-found page (${scheme})`);
  });
}

test("every link on the Spanish pages stays in Spanish and resolves", async ({ page, request }) => {
  const links = new Set<string>();
  for (const path of SPANISH_PAGES) {
    await page.goto(path);
    for (const href of await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      if (href.startsWith("/") && !href.startsWith("//")) links.add(href.split("#")[0] || path);
    }
  }
  const english = [...links].filter((href) => !href.startsWith("/es/"));
  // Only the language switch leads to English pages.
  for (const href of english) expect(SPANISH_PAGES.map((p) => p.replace(/^\/es/, "") || "/")).toContain(href);
  for (const href of links) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
  }
});
