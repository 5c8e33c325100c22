/**
 * The caseworker's form in a real browser: fill an ATD case (rules/atd/cases.json, first case), read the
 * amounts, the euro equivalent, the explanation and the article, and reload it from the URL.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { artifact, launch } from "./chromium.ts";

let browser: Browser;
let page: Page;
/** The case form (the plan simulator, hidden, has a date field too). */
const form = () => page.getByRole("form", { name: "Dossier individuel" });
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe("caseworker form", () => {
  it("computes an ATD case and shows the amounts, in francs with the euro equivalent", async () => {
    await page.goto(baseUrl);
    await form().getByLabel("Date de l'événement").fill("1996-03-01");
    await form().getByLabel("Aide", { exact: true }).selectOption("atd");
    await form().getByLabel("Compris dans une mesure de licenciement collectif").selectOption("true");
    await form().getByLabel("Peut suivre un stage de formation professionnelle").selectOption("false");
    await form().getByLabel("Salaire horaire antérieur (moyenne des 3 derniers mois)").fill("60,00");
    await form().getByLabel("Nouveau salaire horaire").fill("40.00");
    await form().getByLabel("Heures mensuelles du nouvel emploi").fill("169");
    await page.getByRole("button", { name: "Calculer" }).click();

    const result = page.locator('article[data-aid="atd"]');
    await expect.poll(() => result.locator(".fne-status").textContent()).toBe("Éligible");
    // rules/atd/cases.json: (0.90 × 60 − 40) × 169 = 2366.00 ; (0.75 × 60 − 40) × 169 = 845.00 ; 6 × 2366 + 6 × 845 = 19266.00
    // euro equivalents: 2366 / 6.55957 = 360.69… → 360.69 ; 19266 / 6.55957 = 2937.08…
    const amount = (k: string) => result.locator(`[data-amount="${k}"] td`).innerText();
    expect(await amount("monthlyFirst6")).toBe("2\u202f366,00\u00a0F\n(soit 360,69\u00a0€)");
    expect(await amount("monthlyNext6")).toContain("845,00\u00a0F");
    expect(await amount("total")).toBe("19\u202f266,00\u00a0F\n(soit 2\u202f937,08\u00a0€)");
    expect(await result.locator(".fne-reason-passed").count()).toBe(3);
    expect(page.url()).toContain("f.priorHourlyWage=60.00");
    await page.screenshot({ path: artifact("case-atd.png"), fullPage: true });
  });

  it("moves by keyboard from field to field with a visible focus", async () => {
    await form().getByLabel("Aide", { exact: true }).focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { fact: el.dataset.fact, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(focused).toEqual({ fact: "collectiveLayoff", outline: "solid", width: "3px" });
  });

  it("opens the cited article with the paragraph marked", async () => {
    await page.locator('[data-rule="atd.pay-drop"] .fne-cite').click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.locator("h2").textContent()).toBe("Article R322-6, al. 1");
    expect(await dialog.locator(".fne-cited").count()).toBe(1);
    await page.screenshot({ path: artifact("case-article.png") });
    await page.keyboard.press("Escape");
    expect(await dialog.count()).toBe(0);
  });

  it("shows each input error next to its field", async () => {
    await form().getByLabel("Heures mensuelles du nouvel emploi").fill("beaucoup");
    await page.getByRole("button", { name: "Calculer" }).click();
    const field = form().locator(".fne-field", { has: page.getByLabel("Heures mensuelles du nouvel emploi") });
    await expect.poll(() => field.locator(".fne-error").count()).toBe(1);
    expect(await field.locator(".fne-error").innerText()).toBe("un nombre est attendu");
    expect(await form().getByLabel("Heures mensuelles du nouvel emploi").getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: artifact("case-error.png"), fullPage: true });
  });

  it("reloads a shared case from its URL, in English", async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}#case?date=2003-06-01&aid=atd&lang=en&f.collectiveLayoff=true&f.trainingPossible=false&f.priorHourlyWage=10.00&f.newHourlyWage=8.50&f.newMonthlyHours=151.65`);
    const result = page.locator('article[data-aid="atd"]');
    await expect.poll(() => result.locator(".fne-status").textContent()).toBe("Eligible");
    // rules/atd/cases.json: (9.00 − 8.50) × 151.65 = 75.825 → 75.83 (half-up); total 6 × 75.83 = 454.98 (euros: no equivalent line)
    expect(await result.locator('[data-amount="total"] td').innerText()).toBe("454.98\u00a0€");
    expect(await page.getByRole("form", { name: "Individual case" }).getByLabel("New hourly pay").inputValue()).toBe("8.50");
  });
});
