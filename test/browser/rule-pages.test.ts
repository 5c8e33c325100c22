/**
 * The rule pages (`pnpm docs`) in the built web app: a Result links to its aid's page, which the served app holds,
 * in the Result's language, with the conditions and the working of a case evaluated when the pages were generated.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch } from "./chromium.ts";

let browser: Browser;
let page: Page;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
});

describe("rule pages", () => {
  it("a Result's link 'Voir la règle' opens its aid's page, served with the app", async () => {
    await page.goto(baseUrl);
    const form = page.getByRole("form", { name: "Dossier individuel" });
    await form.getByLabel("Date de l'événement").fill("1996-03-01");
    await form.getByLabel("Aide", { exact: true }).selectOption("atd");
    await form.getByLabel("Compris dans une mesure de licenciement collectif").selectOption("false");
    await page.getByRole("button", { name: "Calculer" }).click();
    const link = page.locator('article[data-aid="atd"]').getByRole("link", { name: "Voir la règle" });
    await expect.poll(() => link.getAttribute("href")).toBe("regles/atd.html");
    const [rule] = await Promise.all([page.waitForEvent("popup"), link.click()]);
    await rule.waitForLoadState();
    expect(await rule.locator("h1").textContent()).toBe("Allocation temporaire dégressive");
    expect(await rule.locator("html").getAttribute("lang")).toBe("fr");
    expect(await rule.locator('tr[data-condition="atd.pay-drop"] a').textContent()).toBe("R322-6, al. 1, version en vigueur jusqu'au 30 avril 2008");
    // The working of the first eligible golden case of rules/atd/cases.json: (0,90 × 60,00 − 40,00) × 169 = 2 366,00 F.
    expect(await rule.locator(".fne-tree").first().textContent()).toContain("= 2\u202f366,00 F");
    await rule.getByRole("link", { name: "English" }).click();
    await rule.waitForURL(/\/rules\/atd\.html$/);
    expect(await rule.locator("h1").textContent()).toBe("Temporary degressive allowance");
    await rule.close();
  });
});
