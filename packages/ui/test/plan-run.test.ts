/** The simulator's worker job: the same reading and results as the CLI and the API (@fne/planfile). */
import { describe, expect, it } from "vitest";
import { evaluatePlan, getRuntime } from "@fne/engine";
import { planFromCsv, readXlsx } from "@fne/planfile";
import { PlanResult } from "@fne/schema";
import { exportFile, firstPage, pageOf, runPlanFile, selectRows, type PlanMessage } from "../src/plan-run.ts";
import { samplePlanCsv, samplePlanOptions } from "../src/sample-plan.ts";

const bytes = (s: string) => new TextEncoder().encode(s);
async function run(csv: string, opts: { date?: string } = {}) {
  const messages: PlanMessage[] = [];
  const data = await runPlanFile({ bytes: bytes(csv), ...samplePlanOptions, ...opts, lang: "fr" }, (m) => messages.push(m));
  return { messages, data };
}

describe("plan run (the worker's job)", () => {
  it("posts progress, then the plan as entered, then the other CRP choice, with the engine's totals", async () => {
    const { messages, data } = await run(samplePlanCsv);
    expect(messages.map((m) => m.type)).toEqual(["progress", "done", "alternative"]);
    const plan = planFromCsv(getRuntime(), samplePlanCsv, { ...samplePlanOptions });
    const done = messages[1] as Extract<PlanMessage, { type: "done" }>;
    expect(done.outcome.totals).toEqual(evaluatePlan(plan).totals);
    expect(done.outcome.counts).toMatchObject({ eligible: 3, invalid: 1 });
    expect(done.outcome.french).toBe(true);
    expect(done.outcome.page.rows.map((r) => [r.id, r.line])).toEqual([["E001", 2], ["E002", 3], ["E003", 4], ["E004", 5]]);
    // The row's error in the employer's words: the column by its fact's label, the message in French.
    expect(done.outcome.page.rows[2]!.note).toBe("Ancienneté (mois)\u00a0: « lots » n'est pas un nombre");
    const alt = messages[2] as Extract<PlanMessage, { type: "alternative" }>;
    expect(alt.alternative.proposesCRP).toBe(false);
    expect(alt.alternative.totals).toEqual(evaluatePlan({ ...plan, employer: { headcount: 250, proposesCRP: false } }).totals);
    expect(PlanResult.parse(JSON.parse(data!.json)).totals).toEqual(done.outcome.totals);
  });

  it("an invalid envelope is an error naming the field; a misspelt column one error on the header", async () => {
    expect((await run(samplePlanCsv, { date: "2006-02-30" })).messages.at(-1)).toMatchObject({ type: "error", issues: [{ path: "date" }] });
    const m = (await run(samplePlanCsv.replace("netHourlyWage", "netHourlyWag"))).messages.at(-1);
    expect(m).toMatchObject({ type: "error", issues: [{ path: "header", message: expect.stringContaining('"netHourlyWage"') }] });
  });

  it("exports CSV in the file's dialect, xlsx and the PlanResult JSON", async () => {
    const { data } = await run(samplePlanCsv);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode((await exportFile(data!, "csv")).bytes);
    expect(csv.startsWith("\uFEFFSalarié;Ligne;Aide;Statut;")).toBe(true);
    expect(csv).toContain("E001;2;crp;Éligible;8200,00;");
    const book = await readXlsx((await exportFile(data!, "xlsx")).bytes);
    expect(book.header.slice(0, 4)).toEqual(["Salarié", "Ligne", "Aide", "Statut"]);
    expect(book.rows).toHaveLength(4);
    expect(JSON.parse(new TextDecoder().decode((await exportFile(data!, "json")).bytes))).toEqual(JSON.parse(data!.json));
  });

  it("sorts money as decimals and keeps file order for ties", async () => {
    const { data } = await run(samplePlanCsv);
    const byCost = selectRows(data!.rows, { filter: "", sort: "employer", dir: -1 });
    expect(byCost[0]!.id).toBe("E004");
    expect(pageOf(data!, { ...firstPage, filter: "invalid" }).rows.map((r) => r.id)).toEqual(["E003"]);
  });
});
