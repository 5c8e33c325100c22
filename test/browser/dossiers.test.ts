/**
 * The dossier screens in a real browser, served by the API itself (same origin, the session cookie): sign in with
 * a token, open a dossier, evaluate an ATD case, re-evaluate it under today's rules, and print its sheet.
 * The API runs here on an embedded database in a temporary directory, with the web app built by global-setup.ts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { openStore, type Store } from "@fne/store";
import { buildServer } from "../../apps/api/src/server.ts";
import { artifact, launch } from "./chromium.ts";

const webDir = fileURLToPath(new URL("../../apps/web/dist", import.meta.url));
let dataDir: string;
let store: Store;
let app: ReturnType<typeof buildServer>;
let base: string;
let token: { id: string; token: string };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "fne-browser-"));
  store = await openStore({ dataDir });
  await store.createOrganisation("Agence de Lille");
  token = await store.createToken({ organisation: "Agence de Lille", role: "caseworker", label: "A. Martin" });
  app = buildServer({ store, webDir });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const history = () => page.locator(".fne-history-item");
const evaluation = () => page.locator(".fne-new-evaluation");

describe("dossiers", () => {
  it("signs in with a token; the session cookie is out of the page's reach", async () => {
    await page.goto(`${base}/#dossiers`);
    await page.getByLabel("Jeton d'accès").fill("fne_not_a_token");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.locator("#fne-token-err").textContent()).toBe("Ce jeton n'est pas valide (inconnu ou révoqué).");
    await page.getByLabel("Jeton d'accès").fill(token.token);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.locator(".fne-signed-in").textContent()).toContain("Agence de Lille — conseiller (A. Martin)");
    expect(await page.evaluate(() => document.cookie)).not.toContain("fne_session");
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "fne_session")).toMatchObject({ httpOnly: true, sameSite: "Strict" });
  });

  it("opens a dossier and evaluates an ATD case in it", async () => {
    await page.getByLabel("Référence du dossier").fill("LIL-2026-001");
    await page.getByRole("button", { name: "Créer le dossier" }).click();
    await expect.poll(() => page.locator(".fne-dossier-head h2").textContent()).toBe("LIL-2026-001");
    const form = evaluation().getByRole("form", { name: "Dossier individuel" });
    await form.getByLabel("Date de l'événement").fill("1996-03-01");
    await form.getByLabel("Aide", { exact: true }).selectOption("atd");
    await form.getByLabel("Compris dans une mesure de licenciement collectif").selectOption("true");
    await form.getByLabel("Peut suivre un stage de formation professionnelle").selectOption("false");
    await form.getByLabel("Salaire horaire antérieur (moyenne des 3 derniers mois)").fill("60,00");
    await form.getByLabel("Nouveau salaire horaire").fill("40.00");
    await form.getByLabel("Heures mensuelles du nouvel emploi").fill("169");
    await evaluation().getByRole("button", { name: "Calculer" }).click();
    await expect.poll(() => evaluation().locator('article[data-aid="atd"] .fne-status').textContent()).toBe("Éligible");
    expect(await history().count()).toBe(0); // computed in the page, not yet in the dossier
    await page.getByRole("button", { name: "Enregistrer cette évaluation au dossier" }).click();
    await expect.poll(() => history().count()).toBe(1);
    expect(await history().first().getAttribute("data-status")).toBe("eligible");
    // rules/atd/cases.json: (0.90 × 60 − 40) × 169 = 2366.00 ; (0.75 × 60 − 40) × 169 = 845.00 ; 6 × 2366 + 6 × 845 = 19266.00
    const total = history().first().locator('[data-amount="total"] td');
    expect(await total.innerText()).toBe("19\u202f266,00\u00a0F\n(soit 2\u202f937,08\u00a0€)");
    // Dates as a French agent writes them; the person's case date too.
    expect(await history().first().locator(".fne-help").innerText()).toMatch(/^Évaluée le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h \d{2} par conseiller \(A\. Martin\) · Date de la situation : 1er mars 1996 · Version des règles /);
  });

  it("re-evaluates under today's rules and shows what changed (nothing, here)", async () => {
    await page.getByRole("button", { name: "Réévaluer selon les règles d'aujourd'hui" }).click();
    await expect.poll(() => history().count()).toBe(2);
    expect(await history().first().locator(".fne-tag").textContent()).toBe("réévaluation");
    expect(await page.locator(".fne-no-change").textContent()).toBe("Aucun changement entre ces deux évaluations.");
    // A second case with another new wage: the comparison names the fact and the amounts that moved.
    const form = evaluation().getByRole("form", { name: "Dossier individuel" });
    await form.getByLabel("Nouveau salaire horaire").fill("45.00");
    await evaluation().getByRole("button", { name: "Calculer" }).click();
    await page.getByRole("button", { name: "Enregistrer cette évaluation au dossier" }).click();
    await expect.poll(() => history().count()).toBe(3);
    const diff = page.locator(".fne-diff");
    // (0.90 × 60 − 45) × 169 = 9 × 169 = 1521.00 a month for 6 months; 0.75 × 60 = 45, not above 45 → 0.00; total 6 × 1521 = 9126.00
    expect(await diff.locator('[data-diff="fact:newHourlyWage"]').innerText()).toBe("Nouveau salaire horaire\t40,00\u00a0F\t45,00\u00a0F");
    expect(await diff.locator('[data-diff="amount:atd:total"] td').allInnerTexts()).toEqual(["19\u202f266,00\u00a0F", "9\u202f126,00\u00a0F"]);
  });

  it("lists the dossier, finds it by reference and by status", async () => {
    await page.getByRole("button", { name: "Retour à la liste" }).click();
    await page.getByLabel("Rechercher une référence").fill("2026-001");
    await expect.poll(() => page.locator(".fne-dossier-table tbody tr").count()).toBe(1);
    await page.getByLabel("Statut de la dernière évaluation").selectOption("ineligible");
    await expect.poll(() => page.locator(".fne-dossier-table tbody tr").count()).toBe(0);
    await page.getByLabel("Statut de la dernière évaluation").selectOption("eligible");
    await expect.poll(() => page.locator(".fne-dossier-table tbody tr").count()).toBe(1);
    await page.getByRole("button", { name: "LIL-2026-001" }).click();
    await expect.poll(() => history().count()).toBe(3);
  });

  it("prints the sheet (audited as an export) and shows no internal id", async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole("button", { name: "Imprimer la fiche" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: "print" });
    const sheet = page.locator(".fne-sheet");
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator(".fne-history").isVisible()).toBe(false);
    expect(await page.locator(".fne-new-evaluation").isVisible()).toBe(false);
    const text = await sheet.innerText();
    expect(text).toContain("Fiche du dossier LIL-2026-001");
    expect(text).toContain("Agence de Lille");
    expect(text).toContain("9\u202f126,00\u00a0F");
    await page.pdf({ path: artifact("dossier-sheet.pdf") });
    await page.screenshot({ path: artifact("dossier-sheet.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    await page.screenshot({ path: artifact("dossier.png"), fullPage: true });

    const [dossier] = await store.listDossiers((await store.authenticate(token.token))!);
    const body = await page.locator("body").innerText();
    expect(body).not.toContain(dossier!.id);
    expect(body).not.toContain(token.id);
    const events = (await store.auditTrail((await store.authenticate(token.token))!, { dossier: dossier!.id }))!;
    expect(events[0]).toMatchObject({ action: "exported", detail: { format: "sheet" } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["created", "evaluated", "rechecked", "viewed"]));
  });
});
