/**
 * Saved plans in a real browser, served by the API itself (same origin, the session cookie): an employer signs in,
 * runs the sample plan in the simulator, saves it by name, finds it in the organisation's list, reopens it with the
 * same totals and the same scenario comparison, and exports it; another organisation's employer gets a 404 for it.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { evaluatePlan, getRuntime } from "@fne/engine";
import { planFromCsv } from "@fne/planfile";
import { SavedPlan, SavedPlanSummary } from "@fne/schema";
import { openStore, type Store } from "@fne/store";
import { buildServer } from "../../apps/api/src/server.ts";
import { samplePlanCsv, samplePlanOptions } from "../../packages/ui/src/sample-plan.ts";
import { artifact, launch } from "./chromium.ts";

const webDir = fileURLToPath(new URL("../../apps/web/dist", import.meta.url));
let dataDir: string;
let store: Store;
let app: ReturnType<typeof buildServer>;
let base: string;
let employer: { id: string; token: string };
let other: { id: string; token: string };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "fne-browser-plans-"));
  store = await openStore({ dataDir });
  await store.createOrganisation("Filature du Nord");
  await store.createOrganisation("Tissages de l'Est");
  employer = await store.createToken({ organisation: "Filature du Nord", role: "employer", label: "R. Lefebvre" });
  other = await store.createToken({ organisation: "Tissages de l'Est", role: "employer", label: "J. Weber" });
  app = buildServer({ store, webDir });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** "24 592,00 €" → "24592.00" */
const plain = (s: string) => s.replace(/[\s\u202f\u00a0€F]/g, "").replace("−", "-").replace(",", ".");
const simulator = (k: string) => page.locator(`.fne-plan-outcome [data-total="${k}"]`).innerText();
const reopened = (k: string) => page.locator(`.fne-saved-plan [data-total="${k}"]`).first().innerText();
const api = (path: string, token: string) => fetch(`${base}/${path}`, { headers: { authorization: `Bearer ${token}` } });
// The sample plan as the engine computes it without its unreadable row (E003: "lots" months of seniority).
const engine = evaluatePlan(planFromCsv(getRuntime(), samplePlanCsv.replace(/^E003;.*\r\n/m, ""), { ...samplePlanOptions }));
const want = engine.totals;
const TOTALS = ["employerCost", "stateCost", "employeeAllocations"] as const;

describe("saved plans", () => {
  it("signs in as an employer on the saved plans' tab: none yet", async () => {
    await page.goto(`${base}/#plans`);
    await page.getByLabel("Jeton d'accès").fill(employer.token);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.locator(".fne-saved-plans .fne-signed-in").textContent()).toContain("Filature du Nord — employeur (R. Lefebvre)");
    await expect.poll(() => page.getByText("Aucun plan enregistré.").count()).toBe(1);
  });

  it("runs the sample plan and saves it by name once it has results", async () => {
    await page.getByRole("link", { name: "Plan de licenciement" }).click();
    await page.locator('input[type="file"]').setInputFiles({ name: "plan-exemple.csv", mimeType: "text/csv", buffer: Buffer.from(samplePlanCsv) });
    await page.locator('.fne-plan-outcome [data-total="employerCost"]').waitFor();
    for (const k of TOTALS) expect(plain(await simulator(k))).toBe(want[k]);
    const form = page.getByRole("form", { name: "Enregistrer ce plan" });
    // The row the file could not be read into a plan is named before saving.
    await expect.poll(() => form.locator(".fne-help").textContent()).toBe("Ces lignes du fichier sont illisibles et ne seront pas enregistrées : E003 (Ligne 4)");
    expect(await form.getByLabel("Nom du plan").inputValue()).toBe("plan-exemple");
    await form.getByLabel("Nom du plan").fill("PSE Lille 2006");
    await form.getByRole("button", { name: "Enregistrer ce plan" }).click();
    await expect.poll(() => page.locator(".fne-save-plan[role=status]").innerText()).toBe("Plan enregistré : PSE Lille 2006 — Voir les plans enregistrés");
  });

  it("reopens it with the same totals and the CRP scenario", async () => {
    const shown = Object.fromEntries(await Promise.all(TOTALS.map(async (k) => [k, await simulator(k)] as const)));
    const diff = await page.locator('.fne-plan-outcome [data-diff="employerCost"]').innerText();
    await page.getByRole("link", { name: "Voir les plans enregistrés" }).click();
    await expect.poll(() => page.locator(".fne-saved-plan h2").textContent()).toBe("PSE Lille 2006");
    for (const k of TOTALS) expect(await reopened(k)).toBe(shown[k]);
    // The simulator's comparison: difference = cost without the CRP offer − cost with it; the saved scenario is "not offered".
    const scenarios = page.locator('[data-testid="saved-plan-scenarios"]');
    expect(await scenarios.locator("thead th").allInnerTexts()).toEqual(["Plan tel que saisi", "CRP non proposée", "Écart"]);
    expect(await scenarios.locator('[data-diff="employerCost"]').innerText()).toBe(diff);
    // The design system's badges print their words in capitals (CSS): compared without case.
    expect((await page.locator('.fne-saved-plan [data-count="invalid"]').innerText()).toLowerCase()).toBe(`ligne invalide 0`);
    expect((await page.locator('.fne-saved-plan [data-count="eligible"]').innerText()).toLowerCase()).toBe(`éligible ${engine.counts.eligible}`);
    await expect.poll(() => page.locator('[data-testid="saved-plan-table"] tbody tr').count()).toBe(3);
    await page.getByRole("button", { name: "Voir le détail de E004" }).click();
    expect(await page.locator('.fne-saved-plan [data-testid="cost-breakdown"]').innerText()).toMatch(/Coût employeur \(tout compris\) : .* = sommes CRP .* \+ préavis payé/);
    await page.screenshot({ path: artifact("saved-plan.png"), fullPage: true });
  });

  it("lists it, reopens it from the list, exports it as the API gives it, and shows no internal id", async () => {
    await page.getByRole("button", { name: "Retour aux plans enregistrés" }).click();
    const rows = page.locator(".fne-saved-plan-table tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator("td").nth(2).innerText()).toBe("3");
    await page.getByRole("button", { name: "PSE Lille 2006" }).click();
    await expect.poll(() => reopened("employerCost").then(plain)).toBe(want.employerCost);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter le plan et ses résultats (JSON)" }).click()]);
    const file = SavedPlan.parse(JSON.parse(readFileSync((await download.path())!, "utf8")));
    expect(download.suggestedFilename()).toBe("plan-pse-lille-2006.json");
    expect(file.result.totals).toEqual(want);
    expect(file.plan).toMatchObject({ date: "2006-10-02", employer: { headcount: 250, proposesCRP: true }, scenarios: [{ name: "CRP non proposée", employer: { proposesCRP: false } }] });

    const body = await page.locator("body").innerText();
    expect(body).not.toContain(file.id);
    expect(body).not.toContain(employer.id);
  });

  it("is its organisation's only: another employer gets a 404 and an empty list", async () => {
    const [mine] = SavedPlanSummary.array().parse(await (await api("v1/saved-plans", employer.token)).json());
    const theirs = await api(`v1/saved-plans/${mine!.id}`, other.token);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toMatchObject({ error: { code: "not_found" } });
    expect(await (await api("v1/saved-plans", other.token)).json()).toEqual([]);
    // And in the page, signed in as the other employer: nothing listed.
    await page.getByRole("button", { name: "Se déconnecter" }).last().click();
    await page.getByLabel("Jeton d'accès").fill(other.token);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect.poll(() => page.locator(".fne-saved-plans .fne-signed-in").textContent()).toContain("Tissages de l'Est");
    // The plan still named in the page's address is not theirs.
    await expect.poll(() => page.locator(".fne-saved-plans .fne-alert").textContent()).toBe("Ce plan n'existe pas dans votre organisation.");
    await page.getByRole("button", { name: "Retour aux plans enregistrés" }).click();
    await expect.poll(() => page.getByText("Aucun plan enregistré.").count()).toBe(1);
  });
});
