/** pnpm calc on plans: JSON and CSV, streamed, in worker threads for large plans, same answers as evaluatePlan. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluatePlan, planFromCsvRows } from "@fne/engine";
import { ErrorBody, PlanResult } from "@fne/schema";
import { planCsv } from "../../../bench/gen-plan.ts";
import { calc } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "fne-plan-"));
const rowsOf = (csv: string) => {
  const [head, ...lines] = csv.trim().split("\n");
  const h = head!.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((c, i) => [h[i]!, c])));
};

describe("pnpm calc with plans", () => {
  it("a JSON plan: order, bad row, totals, scenario", () => {
    const r = calc(["examples/plan.json"]);
    expect(r.code).toBe(0);
    const p = PlanResult.parse(r.json());
    expect(p.employees.map((e) => e.id)).toEqual(["E001", "E002", "E003", "E004"]);
    expect(p).toEqual(evaluatePlan(JSON.parse(readFileSync("examples/plan.json", "utf8"))));
  });

  it.each([100, 6000])("a CSV plan of %i rows (worker threads from 5,000) equals evaluatePlan, with --compare and --out", (n) => {
    const csv = planCsv(n);
    const file = join(dir, `plan${n}.csv`);
    const out = join(dir, `results${n}.csv`);
    writeFileSync(file, csv);
    const r = calc(["--csv", file, "--date", "2006-10-02", "--headcount", "250", "--proposes-crp", "true", "--compare", "proposesCRP=false", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const got = PlanResult.parse(r.json());
    const want = evaluatePlan({
      ...planFromCsvRows(rowsOf(csv), { date: "2006-10-02", headcount: 250, proposesCRP: true }),
      scenarios: [{ name: "proposesCRP=false", employer: { proposesCRP: false } }],
    });
    expect(got).toEqual(want);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(n + 1);
    // Progress goes to stderr above 10,000 rows only; stdout stays pure JSON either way.
    expect(r.stderr).toBe("");
  }, 60_000);

  it("bad command lines exit 2 with an Error naming the field", () => {
    for (const [args, path] of [
      [["--csv", "x.csv", "--headcount", "3"], "date"],
      [["--csv", "x.csv", "--date", "2006-02-30", "--headcount", "3"], "date"],
      [["--csv", "x.csv", "--date", "2006-01-02"], "headcount"],
      [["--csv", "none.csv", "--date", "2006-01-02", "--headcount", "3"], "(file)"],
      [["--csv", "x.csv", "--date", "2006-01-02", "--headcount", "3", "--compare", "nonsense"], "--compare"],
    ] as const) {
      const r = calc([...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(ErrorBody.parse(r.json()).error.issues[0]!.path).toBe(path);
    }
  }, 60_000);
});
