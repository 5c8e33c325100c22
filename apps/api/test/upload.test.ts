/**
 * Oversized uploads through Node's fetch (undici), against `pnpm api` in its own process: the server reads and drops
 * the body before answering 413, so the client gets the answer instead of `fetch failed` (EPIPE) — it did in 11 of
 * 20 uploads of 8–50 MiB when the 413 went out before the body was read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "@fne/schema";
import { Contract } from "./contract.ts";
import { startApi } from "./process.ts";

const MiB = 1024 * 1024;
let api: Awaited<ReturnType<typeof startApi>>;
const contract = new Contract();
beforeAll(async () => {
  api = await startApi({ LOG_LEVEL: "warn", RATE_LIMIT_MAX: "0" });
}, 120_000);
afterAll(() => api.stop());

async function upload(url: string, body: NonNullable<RequestInit["body"]>, init: RequestInit = {}) {
  const res = await fetch(`http://127.0.0.1:${api.port}${url}`, { method: "POST", headers: { "content-type": "application/json" }, body, ...init });
  const text = await res.text();
  contract.check("POST", url, { statusCode: res.status, headers: Object.fromEntries(res.headers), body: text });
  return { status: res.status, error: ErrorBody.parse(JSON.parse(text)).error };
}

describe("413 for an upload over the limit, as Node's fetch sees it (issue 17)", { timeout: 300_000 }, () => {
  it("50 MiB to POST /v1/evaluate (limit 64 KiB), 20 times: 20 answers 413 payload_too_large", async () => {
    const body = Buffer.alloc(50 * MiB, 0x20);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await upload("/v1/evaluate", body);
      statuses.push(r.status);
      expect(r.error.code).toBe("payload_too_large");
    }
    console.log(`50 MiB uploads through fetch: ${statuses.filter((s) => s === 413).length} of ${statuses.length} answered 413`);
    expect(statuses).toEqual(Array(20).fill(413));
  });

  it("50 MiB sent without a length (chunked), 5 times: 413 each", async () => {
    for (let i = 0; i < 5; i++) {
      const chunks = Array.from({ length: 50 }, () => new Uint8Array(MiB).fill(0x20));
      const stream = new ReadableStream({
        pull(controller) {
          const c = chunks.pop();
          if (c) controller.enqueue(c);
          else controller.close();
        },
      });
      expect((await upload("/v1/evaluate", stream, { duplex: "half" } as RequestInit)).status).toBe(413);
    }
  });

  it("over the discard bound (64 MiB declared), the 413 still comes when the client reads before sending it all", async () => {
    // A body that is never sent: the server cannot read 100 MiB for nothing, answers at once and closes.
    const { sendRaw, parseResponses } = await import("./raw.ts");
    const data = await sendRaw(api.port, `POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${100 * MiB}\r\n\r\n{`, { halfClose: false, quietMs: 3000 });
    const [a] = parseResponses(data);
    expect(a!.statusCode).toBe(413);
    expect(a!.headers.connection).toBe("close");
    contract.check("POST", "/v1/evaluate", a!);
  });
});
