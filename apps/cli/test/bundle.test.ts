/** Several first runs at once (issue 13, 7): each reads a whole bundle, never one another run is writing. */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { utimesSync } from "node:fs";
import { Result } from "@fne/schema";
import { root } from "./run.ts";

const run = () =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const c = spawn(process.execPath, [`${root}apps/cli/run.mjs`, "rules/atd/examples/atd.json"], { cwd: root });
    let stdout = "";
    let stderr = "";
    c.stdout.on("data", (b: Buffer) => (stdout += b));
    c.stderr.on("data", (b: Buffer) => (stderr += b));
    c.on("close", (code) => resolve({ code, stdout, stderr }));
  });

describe("the CLI bundle", () => {
  it("six runs started together after a source changed all answer", async () => {
    const now = new Date();
    utimesSync(`${root}apps/cli/src/io.ts`, now, now); // the bundle is stale: every run may rebuild it
    const all = await Promise.all(Array.from({ length: 6 }, run));
    for (const r of all) {
      expect(r.code, r.stderr).toBe(0);
      expect(Result.parse(JSON.parse(r.stdout)).status).toBe("eligible");
    }
  }, 120_000);
});
