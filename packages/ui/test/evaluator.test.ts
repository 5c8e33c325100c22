import { describe, expect, it } from "vitest";
import { apiEvaluate, CaseError, localEvaluate } from "../src/evaluator.ts";

const response = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("evaluators", () => {
  it("the engine in the page: a Result, or a CaseError with the contract's issues", async () => {
    const r = await localEvaluate({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: false } });
    expect("status" in r && r.status).toBe("ineligible");
    await expect(localEvaluate({ aid: "atd", date: "1996-03-01", facts: { newMonthlyHours: "x" } })).rejects.toMatchObject({
      issues: [{ path: "facts.newMonthlyHours", message: "expected a number" }],
    });
  });

  it("the API: POST {api}/v1/evaluate with the Case; a 400 Error becomes a CaseError", async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const issues = [{ path: "facts.newWeeklyHours", message: "expected a number" }];
    const fake = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return calls.length === 1 ? response(200, { aid: "atd", status: "eligible" }) : response(400, { error: { code: "invalid_case", message: "invalid case", issues } });
    }) as typeof fetch;
    const ev = apiEvaluate("http://127.0.0.1:8787/", fake);
    const c = { aid: "atd", date: "1996-03-01", facts: {} };
    expect(await ev(c)).toEqual({ aid: "atd", status: "eligible" });
    expect(calls[0]![0]).toBe("http://127.0.0.1:8787/v1/evaluate");
    expect(calls[0]![1]).toMatchObject({ method: "POST", body: JSON.stringify(c) });
    const err = await ev(c).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaseError);
    expect((err as CaseError).issues).toEqual(issues);
  });

  it("the API: a server failure is an Error, not a validation message", async () => {
    const ev = apiEvaluate("http://x", (async () => response(500, {})) as unknown as typeof fetch);
    await expect(ev({ date: "1996-03-01", facts: {} })).rejects.toThrow("http://x/v1/evaluate: HTTP 500");
  });
});
