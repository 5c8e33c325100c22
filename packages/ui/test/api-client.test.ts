import { describe, expect, it } from "vitest";
import { getArticle, listAids } from "@fne/engine";
import { apiArticle, apiEvaluate, apiSource, CaseError } from "../src/api-client.ts";
import { localEvaluate } from "../src/evaluator.ts";

const response = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** A fetch that answers each call with the next of `answers`, and records the calls. */
function fakeFetch(...answers: Response[]) {
  const calls: Array<[string, RequestInit | undefined]> = [];
  const impl = (async (url: string, init?: RequestInit) => {
    calls.push([url, init]);
    return answers[calls.length - 1] ?? response(500, {});
  }) as typeof fetch;
  return { calls, impl };
}

const atd = { aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: false } };

describe("the API client (what the widget loads with an api-url: no engine)", () => {
  it("POST {api}/v1/evaluate with the Case: the Result as the API gives it, every field kept", async () => {
    const result = await localEvaluate(atd); // the engine's Result stands for the API's answer
    const { calls, impl } = fakeFetch(response(200, result));
    expect(await apiEvaluate("http://127.0.0.1:8787/", impl)(atd)).toEqual(result);
    expect(calls[0]![0]).toBe("http://127.0.0.1:8787/v1/evaluate");
    expect(calls[0]![1]).toMatchObject({ method: "POST", body: JSON.stringify(atd) });
  });

  it("a 400 Error becomes a CaseError with the contract's issues", async () => {
    const issues = [{ path: "facts.newWeeklyHours", message: "expected a number" }];
    const { impl } = fakeFetch(response(400, { error: { code: "invalid_case", message: "invalid case", issues } }));
    const err = await apiEvaluate("http://x", impl)(atd).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaseError);
    expect((err as CaseError).issues).toEqual(issues);
  });

  it("a server failure is an Error naming the URL and the API's message, not a validation message", async () => {
    const { impl } = fakeFetch(response(500, { error: { code: "internal", message: "boom", issues: [] } }));
    const err = await apiEvaluate("http://x", impl)(atd).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(CaseError);
    expect((err as Error).message).toBe("http://x/v1/evaluate: HTTP 500 — boom");
  });

  it("an answer that is not the API's (a wrong api-url) is one clear error naming what is wrong", async () => {
    const { impl } = fakeFetch(response(200, { hello: "world" }), new Response("<html>", { status: 200 }));
    await expect(apiSource("http://x", impl)).rejects.toThrow(/^http:\/\/x\/v1\/aids: not an answer of the FNE calculator's API \(body: /);
    await expect(apiSource("http://x", impl)).rejects.toThrow("not an answer of the FNE calculator's API");
  });

  it("GET {api}/v1/aids once: the aids with their facts' types and labels", async () => {
    const aids = listAids(); // what GET /v1/aids answers (apps/api: listAids())
    const { calls, impl } = fakeFetch(response(200, aids));
    const source = await apiSource("http://x/", impl);
    expect(source.aids).toEqual(aids);
    expect(calls.map((c) => c[0])).toEqual(["http://x/v1/aids"]);
  });

  it("GET {api}/v1/articles/:id?date=: the article in force; a 404 is an article the API does not have", async () => {
    const article = getArticle("R322-6", "1996-03-01")!;
    const { calls, impl } = fakeFetch(response(200, article), response(404, { error: { code: "not_found", message: "unknown article", issues: [] } }));
    const get = apiArticle("http://x", impl);
    expect(await get("R322-6", "1996-03-01")).toEqual(article);
    expect(await get("R999", "1996-03-01")).toBeUndefined();
    expect(calls[0]![0]).toBe("http://x/v1/articles/R322-6?date=1996-03-01");
  });
});
