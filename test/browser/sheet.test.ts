/**
 * The decision sheet as the browser prints it: the caseworker types the header (agency, name, reference), presses
 * Print, and the printed page shows that header with the date it is printed, the facts, the result, each amount's
 * working and the texts applied; saved as an A4 PDF by chromium, one aid fits on two pages at most.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { artifact, launch } from "./chromium.ts";

let browser: Browser;
let page: Page;
const baseUrl = inject("baseUrl");

/** The ATD case of test/golden/atd.test.ts (eligible). */
const ATD = "date=1996-03-01&aid=atd&f.collectiveLayoff=true&f.trainingPossible=false&f.priorHourlyWage=60.00&f.newHourlyWage=40.00&f.newMonthlyHours=169";

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

/** The pages of a PDF: its page objects ("/Type /Page", not the "/Type /Pages" tree). */
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

async function printSheet(lang: "fr" | "en") {
  await page.goto(`${baseUrl}#case?${ATD}&lang=${lang}`);
  const result = page.locator('article[data-aid="atd"]');
  await expect.poll(() => result.locator(".fne-status").textContent()).toBe(lang === "fr" ? "Éligible" : "Eligible");
  // The browser's print dialog is not opened in a test: Print's call is counted, the print layout emulated.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
}

describe("decision sheet", () => {
  it("prints the header typed by the caseworker, the print date, the facts, the result, the working and the texts", async () => {
    await printSheet("fr");
    await page.getByLabel("Organisme").fill("Direction départementale du travail du Nord");
    await page.getByLabel("Agent instructeur").fill("Anne Martin");
    await page.getByLabel("Référence du dossier").fill("NORD-1996-0042");
    await page.getByRole("button", { name: "Imprimer" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    const sheet = page.locator(".fne-sheet");
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator("form").first().isVisible()).toBe(false);
    expect(await page.locator("header.fr-header").isVisible()).toBe(false);

    expect(await sheet.locator('[data-sheet="agency"]').innerText()).toBe("Direction départementale du travail du Nord");
    expect(await sheet.locator('[data-sheet="caseworker"]').innerText()).toBe("Anne Martin");
    expect(await sheet.locator('[data-sheet="reference"]').innerText()).toBe("NORD-1996-0042");
    const today = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
    expect((await sheet.locator('[data-sheet="printed"]').innerText()).replace(/^1er /, "1 ")).toBe(today);

    const text = await sheet.innerText();
    expect(text).toContain("1er mars 1996");
    expect(text).toContain("Salaire horaire antérieur (moyenne des 3 derniers mois)");
    expect(text).toMatch(/Allocation temporaire dégressive — Éligible/);
    // test/golden/atd.test.ts: (0.90 × 60 − 40) × 169 = 2366.00, shown with its working and the article applied.
    const first = sheet.locator('[data-amount="monthlyFirst6"]');
    expect(await first.locator(".fne-sheet-value").innerText()).toContain("2\u202f366,00\u00a0F");
    const working = await first.locator(".fne-sheet-working").innerText();
    expect(working).toMatch(/60/);
    expect(working).toMatch(/169/);
    expect(working).toContain("R322-6");
    expect(await sheet.locator(".fne-sheet-texts li", { hasText: "R322-6" }).first().innerText()).toMatch(/^R322-6.* — version en vigueur/);
    await page.screenshot({ path: artifact("sheet-print.png"), fullPage: true });

    const pdf = await page.pdf({ format: "A4", path: artifact("sheet.pdf") });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it("without a dossier or a header typed, in English: blank lines to fill in by hand, and two A4 pages at most", async () => {
    await page.emulateMedia({ media: "screen" });
    await printSheet("en");
    await page.getByRole("button", { name: "Print" }).click();
    await page.emulateMedia({ media: "print" });
    const sheet = page.locator(".fne-sheet");
    expect(await sheet.locator('[data-sheet="agency"] .fne-blank').count()).toBe(1);
    expect(await sheet.locator('[data-sheet="reference"] .fne-blank').count()).toBe(1);
    expect(await sheet.locator("h2").innerText()).toBe("FNE aid calculation sheet — Temporary degressive allowance");
    expect(await sheet.locator('[data-amount="total"] .fne-sheet-working').innerText()).not.toBe("");
    const pdf = await page.pdf({ format: "A4", path: artifact("sheet-en.pdf") });
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
  });
});
