/**
 * The example files, bundled with the server: the runnable example of each route in the OpenAPI document and on
 * /docs. Each aid's from rules/<aid>/examples/ (rules/examples.ts, generated), the plan and the screening from
 * examples/ (apps/api/test/openapi.test.ts checks that every example file is here).
 */
import { aidExamples } from "../../../rules/examples.ts";
import plan from "../../../examples/plan.json" with { type: "json" };
import screening from "../../../examples/screening.json" with { type: "json" };

type Json = Record<string, unknown>;

/** A plan of two employees as CSV (`,` between cells, decimal points), for the plans route. */
const csv = [
  "id,aid,economicDismissal,seniorityMonths,accepted,monthlyGrossSalary,averageMonthlyGrossLast12,averageMonthlyGrossLast3,difHoursBalance,netHourlyWage",
  "E001,crp,true,60,true,2500.00,2400.00,2600.00,100,12.00",
  "E002,crp,true,14,false,1800.00,1800.00,1800.00,20,9.50",
].join("\n");

export const examples = {
  /** POST /v1/evaluate, by file name: one case per aid, and a screening. */
  cases: { ...aidExamples, screening: screening as Json },
  plan: plan as Json,
  csv,
};
