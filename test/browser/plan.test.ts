/**
 * The plan simulator in a real browser: import the French sample plan and read its totals (checked against the
 * engine run in Node on the same file), open a row, export, import an xlsx, then a 10,000-row plan: totals in
 * under 3 s, the page responding meanwhile.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { evaluatePlan, getRuntime } from "@fne/engine";
import { planFromCsv } from "@fne/planfile";
import { samplePlanCsv, samplePlanOptions } from "../../packages/ui/src/sample-plan.ts";
import { artifact, launch } from "./chromium.ts";

let browser: Browser;
let page: Page;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
  await page.goto(`${baseUrl}#plan`);
});
afterAll(async () => {
  await browser?.close();
});

const upload = (name: string, data: string | Buffer, mimeType = "text/csv") =>
  page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: typeof data === "string" ? Buffer.from(data) : data });
const total = (k: string) => page.locator(`[data-total="${k}"]`).innerText();
/** "24 592,00 €" → "24592.00" */
const plain = (s: string) => s.replace(/[\s\u202f\u00a0€F]/g, "").replace("−", "-").replace(",", ".");

function expected(csv: string) {
  return evaluatePlan(planFromCsv(getRuntime(), csv, { ...samplePlanOptions })).totals;
}

describe("plan simulator", () => {
  it("imports the sample plan and shows the engine's totals, counts and the CRP comparison", async () => {
    await upload("plan-exemple.csv", samplePlanCsv);
    await page.locator('[data-total="employerCost"]').waitFor();
    const want = expected(samplePlanCsv);
    expect(plain(await total("employerCost"))).toBe(want.employerCost);
    expect(plain(await total("stateCost"))).toBe(want.stateCost);
    expect(plain(await total("employeeAllocations"))).toBe(want.employeeAllocations);
    expect(await page.locator('[data-count="invalid"]').innerText()).toContain("1");
    expect(await page.locator('[data-testid="plan-table"] tbody tr').count()).toBe(4);
    // Not offering the CRP costs the employer more (the penalty of L321-4-2): the difference is positive.
    expect(plain(await page.locator('[data-diff="employerCost"]').innerText())).toMatch(/^\d+\.\d{2}$/);
    await page.screenshot({ path: artifact("plan-sample.png"), fullPage: true });
  });

  it("filters and sorts the table", async () => {
    const rows = page.locator('[data-testid="plan-table"] tbody tr');
    await page.getByLabel("Filtrer par statut").selectOption("invalid");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.locator('[data-testid="plan-table"] tbody td').nth(2).innerText()).toBe("E003");
    // The reason of the bad row names its column (by its label, not its code name) and what is wrong, in French.
    expect(await page.locator('[data-testid="plan-table"] tbody td').last().innerText()).toMatch(/^Ancienneté \(mois\)\s:\s«\s?lots\s?» n'est pas un nombre$/);
    await page.getByLabel("Filtrer par statut").selectOption("");
    await expect.poll(() => rows.count()).toBe(4);
    await page.getByRole("button", { name: "Coût employeur (tout compris)" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Coût employeur (tout compris) ▲" }).count()).toBe(1);
    await page.getByRole("button", { name: /Coût employeur/ }).click(); // descending
    await expect.poll(() => rows.first().locator("td").nth(2).innerText()).toBe("E004");
  });

  it("opens a row's full Result with its employer cost explained", async () => {
    await page.getByRole("button", { name: "Voir le détail de E004" }).click();
    const detail = page.locator('[data-testid="plan-detail"]');
    await detail.waitFor();
    // E004 refuses the CRP: its cost is the CRP sums plus the notice paid, said as one figure.
    expect(await detail.locator('[data-testid="cost-breakdown"]').innerText()).toMatch(/Coût employeur \(tout compris\) : .* = sommes CRP .* \+ préavis payé/);
    expect(await detail.locator(".fne-result").count()).toBe(1);
    await page.screenshot({ path: artifact("plan-detail.png"), fullPage: true });
    await detail.getByRole("button", { name: "Fermer" }).first().click();
  });

  it("exports the results as CSV in the file's dialect (French in, French out)", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Exporter les résultats (CSV)" }).click()]);
    const text = await (await download.createReadStream()).toArray();
    const csv = Buffer.concat(text as Buffer[]).toString("utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^\uFEFFSalarié;Ligne;Aide;Statut;Coût employeur/);
    expect(csv.trim().split("\r\n")).toHaveLength(6); // header, 4 rows, TOTAL
  });

  it("imports an xlsx workbook and gives the same totals", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("plan");
    for (const line of samplePlanCsv.trim().split("\r\n")) ws.addRow(line.split(";").map((c) => (/^[\d ]+,\d+$/.test(c) ? Number(c.replace(/ /g, "").replace(",", ".")) : c)));
    await upload("plan.xlsx", Buffer.from(await wb.xlsx.writeBuffer()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await page.getByText("plan.xlsx").waitFor();
    await expect.poll(async () => plain(await total("employerCost"))).toBe(expected(samplePlanCsv).employerCost);
  });

  it("imports 10,000 rows in under 3 s while the page keeps responding", async () => {
    const lines = samplePlanCsv.trim().split("\r\n");
    const body = lines.slice(1);
    const rows: string[] = [];
    for (let i = 0; i < 10_000; i++) rows.push(body[i % body.length]!.replace(/^E\d+/, `E${String(i + 1).padStart(5, "0")}`));
    const csv = [lines[0], ...rows, ""].join("\r\n");
    // Responsiveness: the main thread's long tasks (over 50 ms) from the file's arrival (Playwright's own injection
    // of the file before that is not the app's), and the longest gap between animation frames (which also counts
    // the CPU taken by other processes on a shared machine).
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; maxGap: number; stop: boolean };
      w.longTasks = [];
      let from = Infinity;
      document.addEventListener("change", () => (from = Math.min(from, performance.now())), true);
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => {
          if (e.startTime >= from) w.longTasks.push(Math.round(e.duration));
        }),
      ).observe({ type: "longtask" });
      w.maxGap = 0;
      w.stop = false;
      let last = performance.now();
      const tick = (t: number) => {
        w.maxGap = Math.max(w.maxGap, t - last);
        last = t;
        if (!w.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await upload("plan-10000.csv", csv);
    await page.getByText("10 000 salariés", { exact: false }).waitFor({ timeout: 10_000 });
    const ms = Date.now() - t0;
    const { longTasks, maxGap } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; maxGap: number; stop: boolean };
      w.stop = true;
      return { longTasks: w.longTasks, maxGap: Math.round(w.maxGap) };
    });
    console.log(`10,000-row plan: totals shown in ${ms} ms; main-thread long tasks ${JSON.stringify(longTasks)} ms; longest frame gap ${maxGap} ms`);
    await page.screenshot({ path: artifact("plan-10000.png") });
    expect(ms).toBeLessThan(3000);
    // Under 300 ms even when other processes share the two cores (typically a few tasks of 50–200 ms).
    expect(Math.max(0, ...longTasks)).toBeLessThan(300);
    const want = expected(csv);
    expect(plain(await total("employerCost"))).toBe(want.employerCost);
  });
});
