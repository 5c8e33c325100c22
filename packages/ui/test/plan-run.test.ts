import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { evaluatePlan, planFromCsvRows } from "@fne/engine";
import { firstPage, resultsCsv, runPlanCsv, selectRows, type PlanMessage, type PlanRows } from "../src/plan-run.ts";
import { samplePlanCsv, samplePlanOptions } from "../src/sample-plan.ts";

function run(csv: string, opts: { date?: string } = {}) {
  const messages: PlanMessage[] = [];
  const data = runPlanCsv({ csv, ...samplePlanOptions, ...opts, lang: "fr" }, (m) => messages.push(m));
  return { messages, data };
}

describe("plan run (the worker's job)", () => {
  it("posts progress, then the plan as entered, then the other CRP choice, with the engine's totals", () => {
    const { messages, data } = run(samplePlanCsv);
    expect(messages.map((m) => m.type)).toEqual(["progress", "progress", "done", "alternative"]);
    const rows = parse(samplePlanCsv, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
    const plan = planFromCsvRows(rows, { ...samplePlanOptions });
    const done = messages[2] as Extract<PlanMessage, { type: "done" }>;
    expect(done.outcome.totals).toEqual(evaluatePlan(plan).totals);
    expect(done.outcome.counts).toMatchObject({ eligible: 3, invalid: 1 });
    expect(done.outcome.page.rows.map((r) => r.id)).toEqual(["E001", "E002", "E003", "E004"]);
    expect(done.outcome.page.rows[2]!.note).toBe("facts.seniorityMonths : un nombre est attendu");
    const alt = messages[3] as Extract<PlanMessage, { type: "alternative" }>;
    expect(alt.alternative.proposesCRP).toBe(false);
    expect(alt.alternative.totals).toEqual(evaluatePlan({ ...plan, employer: { headcount: 250, proposesCRP: false } }).totals);
    expect(data!.rows).toHaveLength(4);
  });

  it("reads headers with spaces around them", () => {
    const csv = samplePlanCsv.replace(/^id,aid,/, " id , aid ,");
    const done = run(csv).messages.find((m) => m.type === "done") as Extract<PlanMessage, { type: "done" }>;
    expect(done.outcome.counts.invalid).toBe(1);
  });

  it("an invalid envelope is an error naming the field", () => {
    const { messages } = run(samplePlanCsv, { date: "2006-02-30" });
    expect(messages.at(-1)).toMatchObject({ type: "error", issues: [{ path: "date" }] });
  });

  it("sorts money as decimals, filters by status, and exports what is shown", () => {
    const data: PlanRows = run(samplePlanCsv).data!;
    const byEmployer = selectRows(data.rows, { filter: "", sort: "employer", dir: -1 }).map((r) => r.id);
    expect(byEmployer[0]).toBe("E004");
    expect(byEmployer.at(-1)).toBe("E003"); // no cost: counts as zero
    expect(selectRows(data.rows, { filter: "invalid", sort: "n", dir: 1 }).map((r) => r.id)).toEqual(["E003"]);
    const csv = resultsCsv(data, { ...firstPage, filter: "eligible" }).trim().split("\n");
    expect(csv[0]).toMatch(/^id,aid,status,note,employerCost,stateCost,employeeAllocations,legalNoticeMonths,/);
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(/^E001,crp,eligible,,/);
  });
});
