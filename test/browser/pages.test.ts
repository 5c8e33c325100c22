/**
 * Every page of the web app, in French and in English, in a real browser (served by the API itself, so that the
 * dossier screens work): the calculator with an eligible result (its working open, then an article), an ineligible
 * and an undetermined one, a screening, the empty form, the error states (an unknown aid, a bad number), the plan
 * simulator with a result and a row opened, the sign-in, the dossiers list, a dossier, and the decision sheet as
 * printed. On each: no i18n key shown raw, no internal id, no ISO date, no word of the other language
 * (packages/ui/test/screen-text.ts says what counts), and axe-core finds no serious or critical violation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { openStore, type Store } from "@fne/store";
import { buildServer } from "../../apps/api/src/server.ts";
import { samplePlanCsv } from "../../packages/ui/src/sample-plan.ts";
import { screenProblems } from "../../packages/ui/test/screen-text.ts";
import { artifact, launch } from "./chromium.ts";

type Lang = "fr" | "en";
const webDir = fileURLToPath(new URL("../../apps/web/dist", import.meta.url));
let dataDir: string;
let store: Store;
let app: ReturnType<typeof buildServer>;
let base: string;
let browser: Browser;
/** Signed in (the session cookie); pages of a context, as axe-core needs. */
let signedIn: BrowserContext;
let dossierId: string;

/** The ATD case of test/golden/atd.test.ts (eligible), as the URL carries it. */
const ATD = "date=1996-03-01&aid=atd&f.collectiveLayoff=true&f.trainingPossible=false&f.priorHourlyWage=60.00&f.newHourlyWage=40.00&f.newMonthlyHours=169";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "fne-pages-"));
  store = await openStore({ dataDir });
  await store.createOrganisation("Agence de Lille");
  const token = await store.createToken({ organisation: "Agence de Lille", role: "caseworker", label: "A. Martin" });
  const principal = (await store.authenticate(token.token))!;
  const dossier = await store.createDossier(principal, {
    reference: "LIL-2026-002",
    case: { date: "1996-03-01", aid: "atd", facts: { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: "60.00", newHourlyWage: "40.00", newMonthlyHours: 169 } },
  });
  dossierId = dossier.id;
  app = buildServer({ store, webDir });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launch();
  signedIn = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await signedIn.newPage();
  await page.goto(`${base}/#dossiers`);
  await page.getByLabel("Jeton d'accès").fill(token.token);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.locator(".fne-signed-in").waitFor();
  await page.close();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The text a reader of `lang` gets from the page (packages/ui/test/screen-text.ts `visibleText`, in the page). */
const readText = (root: Locator, lang: Lang) =>
  root.evaluate((root, l) => {
    const parts: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === 3) parts.push(n.textContent ?? "");
      if (n.nodeType !== 1) return;
      const el = n as Element;
      const own = el.getAttribute("lang");
      if (own && own !== l && el !== root) return;
      if (el.tagName === "STYLE" || el.tagName === "SCRIPT" || el.tagName === "TEMPLATE") return;
      if (el instanceof HTMLElement && el.hidden) return;
      for (const a of ["aria-label", "title", "placeholder", "alt"]) {
        const v = el.getAttribute(a);
        if (v) parts.push(` ${v} `);
      }
      el.childNodes.forEach(walk);
      parts.push(" ");
    };
    walk(root);
    return parts.join("").replace(/\s+/g, " ");
  }, lang);

/** Serious or critical accessibility violations, with where they are. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** What is wrong with the page as it stands: its words, then its accessibility. */
async function check(page: Page, lang: Lang, name: string, root = page.locator("body")) {
  await page.screenshot({ path: artifact(`page-${name}-${lang}.png`) });
  expect(screenProblems(await readText(root, lang), lang), `${name} (${lang}): words`).toEqual([]);
  expect(await axeProblems(page), `${name} (${lang}): accessibility`).toEqual([]);
}

async function open(hash: string, context?: BrowserContext): Promise<Page> {
  const page = await (context ?? signedIn).newPage();
  await page.goto(`${base}/${hash}`);
  await page.locator(".fne-app").waitFor();
  return page;
}
const statusOf = (page: Page) => page.locator("article.fne-result .fne-status").first().textContent();

describe.each(["fr", "en"] as const)("every page in %s", (lang) => {
  it("the calculator, empty", async () => {
    const page = await open(`#case?lang=${lang}`);
    await check(page, lang, "case-empty");
    await page.close();
  });

  it("an eligible result with its working open, then a cited article", async () => {
    const page = await open(`#case?${ATD}&lang=${lang}`);
    await expect.poll(() => statusOf(page)).toBe(lang === "fr" ? "Éligible" : "Eligible");
    for (const s of await page.locator(".fne-working summary").all()) await s.click();
    await check(page, lang, "eligible");
    await page.locator('[data-rule="atd.pay-drop"] .fne-cite').click();
    await page.getByRole("dialog").locator(".fne-cited").waitFor();
    await check(page, lang, "article");
    await page.close();
  });

  it("an ineligible result", async () => {
    const page = await open(`#case?${ATD.replace("collectiveLayoff=true", "collectiveLayoff=false")}&lang=${lang}`);
    await expect.poll(() => statusOf(page)).toBe(lang === "fr" ? "Non éligible" : "Not eligible");
    await check(page, lang, "ineligible");
    await page.close();
  });

  it("an undetermined result (facts missing)", async () => {
    const page = await open(`#case?date=1996-03-01&aid=atd&f.collectiveLayoff=true&lang=${lang}`);
    await expect.poll(() => statusOf(page)).toBe(lang === "fr" ? "Indéterminé" : "Undetermined");
    await check(page, lang, "undetermined");
    await page.close();
  });

  it("a screening of every aid, one opened", async () => {
    const page = await open(`#case?${ATD.replace("&aid=atd", "")}&lang=${lang}`);
    await page.locator(".fne-screening").waitFor();
    await page.locator(".fne-disclosure[aria-expanded=false]").first().click();
    await check(page, lang, "screening");
    await page.close();
  });

  it("the error states: an unknown aid, a bad number", async () => {
    let page = await open(`#case?date=1996-03-01&aid=crpp&lang=${lang}`);
    await page.locator(".fne-alert").first().waitFor();
    await check(page, lang, "unknown-aid");
    await page.close();
    page = await open(`#case?${ATD.replace("169", "beaucoup")}&lang=${lang}`);
    await page.locator(".fne-error").first().waitFor();
    await check(page, lang, "bad-number");
    await page.close();
  });

  it("the decision sheet, as printed", async () => {
    const page = await open(`#case?${ATD}&lang=${lang}`);
    await expect.poll(() => statusOf(page)).toBe(lang === "fr" ? "Éligible" : "Eligible");
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const sheet = page.locator(".fne-sheet");
    await sheet.waitFor();
    await check(page, lang, "sheet", sheet);
    await page.close();
  });

  it("the plan simulator with a result and a row opened", async () => {
    const page = await open(`#plan?lang=${lang}`);
    await page.locator('input[type="file"]').setInputFiles({ name: "plan.csv", mimeType: "text/csv", buffer: Buffer.from(samplePlanCsv) });
    await page.locator('[data-total="employerCost"]').waitFor();
    await page.getByRole("button", { name: lang === "fr" ? "Voir le détail de E004" : "Show the details of E004" }).click();
    await page.locator('[data-testid="plan-detail"]').waitFor();
    await check(page, lang, "plan");
    await page.close();
  });

  it("the sign-in", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(`#dossiers?lang=${lang}`, context);
    await page.getByRole("button", { name: lang === "fr" ? "Se connecter" : "Sign in" }).waitFor();
    await check(page, lang, "sign-in");
    await context.close();
  });

  it("the dossiers list and a dossier, and its sheet as printed", async () => {
    let page = await open(`#dossiers?lang=${lang}`);
    await page.locator(".fne-dossier-table tbody tr").first().waitFor();
    await check(page, lang, "dossiers");
    await page.close();
    page = await open(`#dossiers?id=${dossierId}&lang=${lang}`);
    await page.locator(".fne-history-item").first().waitFor();
    await check(page, lang, "dossier");
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    // The sheet of the dossier (not the one of its new evaluation's form, hidden in print), in its record's language.
    const sheet = page.locator(".fne-sheet").filter({ visible: true });
    await sheet.waitFor();
    await check(page, (await sheet.getAttribute("lang")) as Lang, "dossier-sheet", sheet);
    await page.close();
  });
});
