/** pnpm calc on plans: JSON and plan files (CSV dialects, xlsx), every format, exit codes 0 / 3 / 2 (CONTRACT.md). */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluatePlan, getRuntime } from "@fne/engine";
import { planFromCsv, readXlsx } from "@fne/planfile";
import { ErrorBody, PlanResult } from "@fne/schema";
import { planCsv } from "../../../bench/gen-plan.ts";
import { calc } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "fne-plan-"));
const file = (name: string, text: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const settings = ["--date", "2006-10-02", "--headcount", "250", "--proposes-crp", "true"];
const header = "id,aid,economicDismissal,seniorityMonths,accepted,monthlyGrossSalary,averageMonthlyGrossLast12,averageMonthlyGrossLast3,difHoursBalance,netHourlyWage";
const good = "E1,crp,true,60,true,2500.00,2400.00,2600.00,100,12.00";

describe("pnpm calc with plans", () => {
  it("a JSON plan: order, bad row, totals, scenario; exit 3 for its bad row", () => {
    const r = calc(["examples/plan.json"]);
    expect(r.code).toBe(3);
    const p = PlanResult.parse(r.json());
    expect(p.employees.map((e) => e.id)).toEqual(["E001", "E002", "E003", "E004"]);
    expect(p).toEqual(evaluatePlan(JSON.parse(readFileSync("examples/plan.json", "utf8"))));
  });

  it.each([100, 6000])("a CSV plan of %i rows (pieces in worker threads above 256 kB) equals evaluatePlan, exit 0", (n) => {
    const csv = planCsv(n);
    const r = calc(["--csv", file(`plan${n}.csv`, csv), ...settings, "--compare", "proposesCRP=false"]);
    expect(r.code, r.stderr).toBe(0);
    const want = evaluatePlan({ ...planFromCsv(getRuntime(), csv, { date: "2006-10-02", headcount: 250, proposesCRP: true }), scenarios: [{ name: "proposesCRP=false", employer: { proposesCRP: false } }] });
    expect(PlanResult.parse(r.json())).toEqual(want);
    expect(r.stderr).toBe("");
  }, 60_000);

  it("a duplicate id across worker pieces is that row's error, with both lines", () => {
    const csv = planCsv(6000).replace("\nE005999,", "\nE000001,");
    const r = calc(["--csv", file("dup.csv", csv), ...settings]);
    expect(r.code).toBe(3);
    const p = PlanResult.parse(r.json());
    expect(p.employees[5998]).toMatchObject({ id: "E000001", line: 6000, error: { issues: [{ path: "employees.5998.id", message: 'duplicate id "E000001": already used on line 2' }] } });
    expect(p.counts.invalid).toBe(1);
  }, 60_000);

  it("rows that do not match the header are their own errors, with their lines; quoted newlines, BOM and CRLF read", () => {
    const csv = `\uFEFF${header}\r\n${good}\r\nE2,crp,true\r\nE3,crp,true,60,true,2500.00,2400.00,2600.00,100,12.00,extra\r\n"E4\r\nbis",crp,true,60,true,2500.00,2400.00,2600.00,100,12.00\r\n\r\nE5,crp,true,60,true,2500.00,2400.00,2600.00,100,12.00\r\n`;
    const r = calc(["--csv", file("rows.csv", csv), ...settings]);
    expect(r.code).toBe(3);
    const p = PlanResult.parse(r.json());
    // E4's id holds a line break (lines 5 and 6), line 7 is blank: E5 is on line 8 and still read.
    expect(p.employees.map((e) => [e.id, "line" in e ? e.line : null, "error" in e])).toEqual([
      ["E1", null, false],
      ["E2", 3, true],
      ["E3", 4, true],
      ["E4\r\nbis", null, false],
      ["E5", null, false],
    ]);
    expect(p.employees[1]).toMatchObject({ error: { issues: [{ path: "employees.1", message: expect.stringMatching(/3 cells, the header has 10/) }] } });
    expect(p.employees[2]).toMatchObject({ error: { issues: [{ message: expect.stringMatching(/11 cells/) }] } });
  });

  it("a misspelt header is one Error on the header naming the close fact: exit 2", () => {
    const r = calc(["--csv", file("typo.csv", `${header.replace("netHourlyWage", "netHourlyWag")}\n${good}\n`), ...settings]);
    expect(r.code).toBe(2);
    const e = ErrorBody.parse(r.json()).error;
    expect(e.issues).toEqual([{ path: "header", message: 'unknown column "netHourlyWag"; did you mean "netHourlyWage" or "newHourlyWage"?' }]);
  });

  it("a CSV that does not parse is exit 2 naming its line", () => {
    const r = calc(["--csv", file("quote.csv", `${header}\n${good}\n"E2,crp\n`), ...settings]);
    expect(r.code).toBe(2);
    expect(ErrorBody.parse(r.json()).error.issues[0]!.path).toBe("line 3");
  });

  it("French in, French out: ';', decimal commas, BOM, CRLF, French headers and statuses; formula-like ids escaped", () => {
    const fr = `${header.replaceAll(",", ";")}\r\n"=HYPERLINK(""http://x"")";crp;oui;60;oui;2 500,50;2 400,00;2 600,00;100;12,00\r\n+E2;crp;oui;14;non;1800;1800;1800;30;9,20\r\n`;
    const r = calc(["--csv", file("fr.csv", fr), ...settings, "--format", "csv"]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.startsWith("\uFEFFSalarié;Ligne;Aide;Statut;Coût employeur (tout compris, préavis payé inclus);")).toBe(true);
    const lines = r.stdout.split("\r\n");
    // 5001,00 (2 × 2 500,50, L321-4-2 I al. 5) + 2 600,00 severance + 600,00 DIF = 8 201,00
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)";2;crp;Éligible;8201,00;/);
    expect(lines[2]).toMatch(/^'\+E2;3;crp;Éligible;/);
    expect(lines[3]).toMatch(/^TOTAL;;;;\d+,\d\d;/);
  });

  it("each format on stdout and --out by extension, with the scenario comparison", async () => {
    const csv = file("small.csv", `${header}\n${good}\nE2,crp,true,lots,,,,,,\n`);
    const args = ["--csv", csv, ...settings, "--compare", "proposesCRP=false"];
    const jsonl = calc([...args, "--format", "jsonl"]);
    expect(jsonl.code).toBe(3);
    const lines = jsonl.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(["E1", "E2", undefined]);
    expect(lines[0]).toMatchObject({ status: "eligible", employerCost: "8200.00", scenarios: [{ status: "eligible", employerCost: "12400.00" }] });
    expect(lines[2]).toMatchObject({ totals: { employerCost: "8200.00" }, scenarios: [{ name: "proposesCRP=false", difference: { employerCost: "4200.00" } }] });
    const csvOut = calc([...args, "--format", "csv"]).stdout.trim().split("\n");
    expect(csvOut[0]).toMatch(/^id,line,aid,status,employerCost,stateCost,employeeAllocations,.*,reason,error,status \(proposesCRP=false\),employerCost \(proposesCRP=false\)$/);
    expect(csvOut.at(-1)).toMatch(/^DIFFERENCE \(scenario − plan\),.*,4200\.00$/);
    const xlsxPath = join(dir, "out.xlsx");
    const r = calc([...args, "--out", xlsxPath]);
    expect(r.code).toBe(3);
    expect(PlanResult.parse(r.json()).counts.invalid).toBe(1); // stdout keeps the JSON PlanResult
    const book = await readXlsx(readFileSync(xlsxPath));
    expect(book.rows.map((x) => x.cells[0])).toEqual(["E1", "E2"]);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsxPath) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Results", "Totals", "proposesCRP=false"]); // ',' in: English out
    expect(wb.worksheets[1]!.getRow(3).values).toContain(4200);
    expect(calc([...args, "--out", join(dir, "out.txt")]).code).toBe(2);
  }, 60_000);

  it("bad command lines exit 2 with an Error naming the field; own names only in --compare", () => {
    for (const [args, path] of [
      [["--csv", "x.csv", "--headcount", "3"], "date"],
      [["--csv", "x.csv", "--date", "2006-02-30", "--headcount", "3"], "date"],
      [["--csv", "x.csv", "--date", "2006-01-02"], "headcount"],
      [["--csv", "none.csv", "--date", "2006-01-02", "--headcount", "3"], "(file)"],
      [["--csv", "x.csv", "--date", "2006-01-02", "--headcount", "3", "--compare", "nonsense"], "--compare"],
      [["--csv", "x.csv", "--date", "2006-01-02", "--headcount", "3", "--compare", "constructor=1"], "--compare"],
      [["--csv", "x.csv", "--date", "2006-01-02", "--headcount", "3", "--compare", "toString=1"], "--compare"],
      [["--csv", "x.csv", "--date", "2006-01-02", "--headcount", "3", "--format", "pdf"], "--format"],
    ] as const) {
      const r = calc([...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(ErrorBody.parse(r.json()).error.issues[0]!.path).toBe(path);
    }
  }, 60_000);
});
