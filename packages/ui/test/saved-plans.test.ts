/** "Save this plan": the plan the simulator ran, as the JSON Plan POST /v1/saved-plans evaluates and keeps. */
import { describe, expect, it } from "vitest";
import { evaluatePlan } from "@fne/engine";
import { Plan } from "@fne/schema";
import { runPlanFile, type PlanMessage } from "../src/plan-run.ts";
import { samplePlanCsv, samplePlanOptions } from "../src/sample-plan.ts";

async function ran(lang: "fr" | "en", proposesCRP: boolean) {
  const messages: PlanMessage[] = [];
  const data = await runPlanFile({ bytes: new TextEncoder().encode(samplePlanCsv), ...samplePlanOptions, proposesCRP, lang }, (m) => messages.push(m));
  const done = messages.find((m) => m.type === "done")!.outcome;
  const alternative = messages.find((m) => m.type === "alternative")!.alternative;
  return { saved: data!.saved, done, alternative };
}

describe("the plan saved from the simulator", () => {
  it("is a valid Plan whose totals and scenario are the simulator's; the unreadable row is named, not saved", async () => {
    const { saved, done, alternative } = await ran("fr", true);
    expect(Plan.safeParse(saved.plan).success).toBe(true);
    expect(saved.unreadable).toEqual([{ id: "E003", line: 4 }]);
    expect(saved.plan.employees.map((e) => (e as { id: string }).id)).toEqual(["E001", "E002", "E004"]);
    expect(saved.plan).toMatchObject({ date: "2006-10-02", employer: { headcount: 250, proposesCRP: true }, lang: "fr", scenarios: [{ name: "CRP non proposée", employer: { proposesCRP: false } }] });
    const result = evaluatePlan(saved.plan);
    // The unreadable row costs nothing either way: the same totals, one row fewer counted as invalid.
    expect(result.totals).toEqual(done.totals);
    expect(result.counts).toEqual({ ...done.counts, invalid: 0 });
    expect(result.scenarios![0]!.totals).toEqual(alternative.totals);
  });

  it("names its scenario in the page's language, the other choice of the employer", async () => {
    const { saved, alternative } = await ran("en", false);
    expect(saved.plan.scenarios).toEqual([{ name: "CRP offered", employer: { proposesCRP: true } }]);
    expect(evaluatePlan(saved.plan).scenarios![0]!.totals).toEqual(alternative.totals);
  });
});
