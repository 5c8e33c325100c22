/** Layoff plans (CONTRACT.md Plan / PlanResult): order kept, bad rows isolated, totals = sums of the rows. */
import { describe, expect, it } from "vitest";
import { evaluatePlan, getRuntime, InputError } from "@fne/engine";
import { MEDIA_TYPES, planFromCsv } from "@fne/planfile";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildServer } from "../apps/api/src/server.ts";
import { runPlanFile } from "../packages/ui/src/plan-run.ts";

const root = new URL("../", import.meta.url).pathname;
import { PlanResult } from "@fne/schema";
import { D } from "@fne/engine";

const crp = (id: string, f: object = {}) => ({
  id,
  aid: "crp",
  facts: {
    economicDismissal: true,
    seniorityMonths: 60,
    accepted: true,
    monthlyGrossSalary: "2500.00",
    averageMonthlyGrossLast12: "2400.00",
    averageMonthlyGrossLast3: "2600.00",
    difHoursBalance: 100,
    netHourlyWage: "12.00",
    ...f,
  },
});
const plan = (employees: unknown[], extra: object = {}) => ({ date: "2006-10-02", employer: { headcount: 250, proposesCRP: true }, employees, ...extra });

describe("evaluatePlan", () => {
  it("keeps the input order, isolates a bad row, and counts it as invalid", () => {
    const r = PlanResult.parse(evaluatePlan(plan([crp("A"), { id: "B", aid: "crp", facts: { seniorityMonths: "lots" } }, crp("C", { seniorityMonths: 14 }), "not a row"])));
    expect(r.employees.map((e) => e.id)).toEqual(["A", "B", "C", "#4"]);
    const b = r.employees[1]!;
    expect("error" in b && b.error.issues.map((i) => i.path)).toEqual(["employees.1.facts.seniorityMonths"]);
    expect(r.counts).toEqual({ eligible: 2, ineligible: 0, undetermined: 0, no_law: 0, invalid: 2 });
  });

  it("totals are the sums of the rows' costs", () => {
    // A: 8200.00 (golden crp, 5 years) ; C: 14 months → 2500.00 + 120.00 = 2620.00 ; total 10820.00
    const r = evaluatePlan(plan([crp("A"), crp("C", { seniorityMonths: 14 })]));
    expect(r.totals).toEqual({ employerCost: "10820.00", stateCost: "0.00", employeeAllocations: "5100.00" });
    let sum = new D(0);
    for (const e of r.employees) if ("results" in e) for (const x of e.results) sum = sum.plus(x.costs!.employer);
    expect(sum.toFixed(2)).toBe(r.totals.employerCost);
  });

  it("the employer's headcount and choice fill the rows that do not state them", () => {
    const r = evaluatePlan({ ...plan([crp("A")]), employer: { headcount: 1200, proposesCRP: true } });
    const a = r.employees[0]!;
    expect("results" in a && a.results[0]!.status).toBe("ineligible"); // 1,200 employees: L321-4-3
  });

  it("compares scenarios: not offering the CRP costs the penalty and the notice", () => {
    // Employer — A offered/accepted: 8200.00 ; not offered: penalty 4800 + notice 5000 + severance 2600 = 12400.00 ; Δ 4200.00
    // Paid to A — accepted: severance 2600.00 ; not offered: notice 5000 + severance 2600 = 7600.00 ; Δ 5000.00
    const r = evaluatePlan(plan([crp("A")], { scenarios: [{ name: "sans CRP", employer: { proposesCRP: false } }] }));
    expect(r.scenarios).toEqual([
      {
        name: "sans CRP",
        totals: { employerCost: "12400.00", stateCost: "0.00", employeeAllocations: "7600.00" },
        counts: { eligible: 1, ineligible: 0, undetermined: 0, no_law: 0, invalid: 0 },
        difference: { employerCost: "4200.00", stateCost: "0.00", employeeAllocations: "5000.00" },
      },
    ]);
  });

  it("reports progress", () => {
    const seen: number[] = [];
    evaluatePlan(plan(Array.from({ length: 2500 }, (_, i) => crp(`E${i}`))), { onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([1000, 2000, 2500]);
  });

  it("an invalid envelope is an invalid_plan error naming the field", () => {
    try {
      evaluatePlan({ date: "2006-13-01", employer: { headcount: -1 }, employees: [] });
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe("invalid_plan");
      expect((e as InputError).issues.map((i) => i.path).sort()).toEqual(["date", "employer.headcount"]);
    }
  });
});

describe("plan names are looked up as own properties", () => {
  it.each([
    [{ scenarios: [{ name: "x", facts: { toString: 1 } }] }, "scenarios.0.facts.toString"],
    [{ scenarios: [{ name: "x", facts: { constructor: 1 } }] }, "scenarios.0.facts.constructor"],
    [{ scenarios: [{ name: "x", employer: { toString: 1 } }] }, "scenarios.0.employer.toString"],
  ])("a scenario naming %j is an invalid plan", (extra, path) => {
    expect(() => evaluatePlan(plan([crp("A")], extra))).toThrow(InputError);
    try {
      evaluatePlan(plan([crp("A")], extra));
    } catch (e) {
      expect((e as InputError).issues.map((i) => i.path)).toEqual([path]);
    }
  });

  it("a duplicate id is that row's own error, counted once", () => {
    const r = evaluatePlan(plan([crp("A"), crp("A", { seniorityMonths: 14 })]));
    expect(r.employees[1]).toMatchObject({ id: "A", error: { issues: [{ path: "employees.1.id", message: 'duplicate id "A": already used on employees.0' }] } });
    expect(r.totals.employerCost).toBe("8200.00");
  });
});

describe("planFromCsv (@fne/planfile)", () => {
  it("converts cells by the facts' types; empty cells are absent; French decimal commas in a ';' file", () => {
    const csv = "id;aid;economicDismissal;seniorityMonths;accepted;monthlyGrossSalary;averageMonthlyGrossLast12;averageMonthlyGrossLast3;difHoursBalance;netHourlyWage;conventionalNoticeMonths\nA;crp;oui;60;1;2 500,00;2400;2600;100;12;\n";
    const p = planFromCsv(getRuntime(), csv, { date: "2006-10-02", headcount: 250, proposesCRP: true });
    expect(p.employees[0]).toEqual({ id: "A", aid: "crp", facts: { economicDismissal: true, seniorityMonths: 60, accepted: true, monthlyGrossSalary: "2500.00", averageMonthlyGrossLast12: "2400", averageMonthlyGrossLast3: "2600", difHoursBalance: 100, netHourlyWage: "12" } });
    expect(evaluatePlan(p).totals.employerCost).toBe("8200.00");
  });
});

describe("the same plan as ',' CSV, ';' CSV and xlsx through the CLI, the API and the web simulator", () => {
  // Amounts with decimals, an undetermined row, a bad cell, a formula-like id, a screened row (no aid).
  const rows = [
    ["id", "aid", "economicDismissal", "seniorityMonths", "accepted", "monthlyGrossSalary", "averageMonthlyGrossLast12", "averageMonthlyGrossLast3", "difHoursBalance", "netHourlyWage"],
    ["E1", "crp", "true", "60", "true", "2500.50", "2400.25", "2600.75", "100", "12.35"],
    ["E2", "crp", "true", "150", "false", "3000.10", "3000", "2900", "120", "15"],
    ["E3", "crp", "true", "lots", "", "", "", "", "", ""],
    ["=HYPERLINK(\"x\")", "crp", "true", "14", "", "1800", "", "", "", ""],
    ["E5", "crp", "false", "30", "true", "1234.56", "1234.56", "1234.56", "0", "8.5"],
  ];
  const quote = (c: string, sep: string) => (c.includes(sep) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c);
  const comma = rows.map((r) => r.map((c) => quote(c, ",")).join(",")).join("\n") + "\n";
  const french = "\uFEFF" + rows.map((r) => r.map((c) => quote(/^\d+\.\d+$/.test(c) ? c.replace(".", ",") : c === "true" ? "oui" : c === "false" ? "non" : c, ";")).join(";")).join("\r\n") + "\r\n";
  const settings = { date: "2006-10-02", headcount: 250, proposesCRP: true };

  it("gives byte-identical PlanResults", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("plan");
    for (const r of rows) ws.addRow(r.map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c === "true" ? true : c === "false" ? false : c)));
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const dir = mkdtempSync(join(tmpdir(), "fne-same-"));
    const files = { comma: join(dir, "plan.csv"), french: join(dir, "plan-fr.csv"), xlsx: join(dir, "plan.xlsx") };
    writeFileSync(files.comma, comma);
    writeFileSync(files.french, french);
    writeFileSync(files.xlsx, xlsx);
    const app = buildServer();
    const outputs: string[] = [];
    try {
      for (const [kind, body] of [["comma", comma], ["french", french], ["xlsx", xlsx]] as const) {
        const cli = spawnSync(process.execPath, [`${root}apps/cli/run.mjs`, "--csv", files[kind], "--date", settings.date, "--headcount", "250", "--proposes-crp", "true"], { encoding: "utf8" });
        expect(cli.status, cli.stderr).toBe(3); // E3's bad cell: the plan ran, one row is invalid
        const api = await app.inject({
          method: "POST",
          url: `/v1/plans?date=${settings.date}&headcount=250&proposesCRP=true`,
          headers: { "content-type": kind === "xlsx" ? MEDIA_TYPES.xlsx : "text/csv" },
          payload: typeof body === "string" ? body : Buffer.from(body),
        });
        expect(api.statusCode, api.body).toBe(200);
        const web = await runPlanFile({ bytes: typeof body === "string" ? new TextEncoder().encode(body) : body, ...settings, lang: "fr" }, () => undefined);
        outputs.push(cli.stdout, api.body, web!.json);
      }
    } finally {
      await app.close();
    }
    expect(new Set(outputs).size).toBe(1);
    const r = PlanResult.parse(JSON.parse(outputs[0]!));
    expect(r.employees.map((e) => e.id)).toEqual(["E1", "E2", "E3", '=HYPERLINK("x")', "E5"]);
    expect(r.employees[2]).toMatchObject({ line: 4, error: { issues: [{ path: "employees.2.facts.seniorityMonths" }] } });
  }, 120_000);
});
