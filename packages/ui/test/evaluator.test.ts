import { describe, expect, it } from "vitest";
import { localEvaluate } from "../src/evaluator.ts";

describe("evaluators", () => {
  it("the engine in the page: a Result, or a CaseError with the contract's issues", async () => {
    const r = await localEvaluate({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: false } });
    expect("status" in r && r.status).toBe("ineligible");
    await expect(localEvaluate({ aid: "atd", date: "1996-03-01", facts: { newMonthlyHours: "x" } })).rejects.toMatchObject({
      issues: [{ path: "facts.newMonthlyHours", message: "expected a number" }],
    });
  });
});
