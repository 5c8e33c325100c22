/**
 * The jobs' storage (src/jobs.ts) on PGlite and PostgreSQL, without workers: a job, its parts and its queue
 * messages made together; a part written once whoever writes it again (a message delivered twice); the progress
 * from the parts done; a job finished or failed once.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "kysely";
import { Jobs, jobDefaults } from "../src/index.ts";
import { describeBoth, freshStore } from "./backends.ts";

describeBoth("jobs", (backend) => {
  let s: Awaited<ReturnType<typeof freshStore>>;
  let jobs: Jobs;
  beforeAll(async () => {
    s = await freshStore(backend);
    jobs = new Jobs(s.store.database, jobDefaults);
    await jobs.start();
  }, 60_000);
  afterAll(async () => {
    await jobs?.stop();
    await s?.close();
  });

  const messages = async (job: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from pgboss.job where data->>'job' = ${job}`.execute(s.store.db)).rows[0]!.n);

  it("queues a job with one message per part, in the same transaction", async () => {
    const id = await jobs.create({ kind: "plan", total: 5, requestId: "req-1", spec: "{}", parts: [{ rows: 3, input: "a" }, { rows: 2, input: "b" }] });
    expect(await jobs.status(id)).toMatchObject({ id, kind: "plan", state: "queued", progress: { done: 0, total: 5 }, requestId: "req-1" });
    expect(await messages(id)).toBe(2);
    expect(await jobs.status("not-a-uuid")).toBeUndefined();
    expect(await jobs.status("00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("writes a part once: a second delivery finds it done and changes nothing", async () => {
    const id = await jobs.create({ kind: "plan", total: 5, spec: "{}", parts: [{ rows: 3, input: "a" }, { rows: 2, input: "b" }] });
    expect(await jobs.claim(id, 0)).toEqual({ input: "a", spec: "{}" });
    expect((await jobs.status(id))!.state).toBe("active");
    expect(await jobs.complete(id, 0, "first", "t0")).toBe(false);
    expect(await jobs.claim(id, 0)).toBeUndefined();
    expect(await jobs.complete(id, 0, "second", "t0'")).toBe(false);
    expect((await jobs.status(id))!.progress).toEqual({ done: 3, total: 5 });
    expect(await jobs.complete(id, 1, "last", "t1")).toBe(true);
    const outputs: string[] = [];
    for await (const o of jobs.outputs(id)) outputs.push(o);
    expect(outputs).toEqual(["first", "last"]);
    expect(await jobs.tallies(id)).toEqual(["t0", "t1"]);
    await jobs.finish(id, "summary");
    await jobs.finish(id, "another summary");
    await jobs.fail(id, "too late");
    expect(await jobs.status(id)).toMatchObject({ state: "completed", summary: "summary", error: null, progress: { done: 5, total: 5 } });
  });

  it("fails a job once, keeping the first error noted", async () => {
    const id = await jobs.create({ kind: "plan", total: 1, spec: "{}", parts: [{ rows: 1, input: "a" }] });
    await jobs.noteError(id, "the part's error");
    await jobs.fail(id, "retries spent");
    await jobs.finish(id, "summary");
    expect(await jobs.status(id)).toMatchObject({ state: "failed", error: "the part's error", summary: null });
    expect(await jobs.countByState()).toMatchObject({ queued: 1, completed: 1, failed: 1 });
  });
});
