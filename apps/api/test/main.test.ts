/**
 * `pnpm api` (apps/api/run.mjs: main.ts bundled) as a process: listens on HOST:PORT, logs requests as JSON
 * lines (pino), and on SIGTERM finishes the request in flight before it exits 0.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { connect, createServer } from "node:net";
import { Result } from "@fne/schema";

const root = new URL("../../../", import.meta.url).pathname;
const body = readFileSync(`${root}examples/atd.json`, "utf8");

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("main.ts", () => {
  it("serves, logs, and on SIGTERM finishes the request in flight, then exits 0", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(`${tmpdir()}/fne-main-`); // the embedded database of this run
    const child = spawn(process.execPath, ["apps/api/run.mjs"], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", FNE_DATA_DIR: dataDir, DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let logs = "";
    child.stdout.on("data", (b: Buffer) => (logs += b.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    try {
      while (!logs.includes("Server listening")) {
        if (child.exitCode !== null) throw new Error(`exited early: ${logs}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);

      // A request whose body is only half sent when SIGTERM arrives.
      const socket = connect(port, "127.0.0.1");
      await new Promise((r) => socket.once("connect", r));
      let answer = "";
      socket.on("data", (b: Buffer) => (answer += b.toString()));
      const half = Math.floor(body.length / 2);
      socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`);
      await new Promise((r) => setTimeout(r, 300));
      child.kill("SIGTERM");
      while (!logs.includes("closing")) await new Promise((r) => setTimeout(r, 50));
      socket.write(body.slice(half));
      await new Promise((r) => socket.once("close", r));

      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      const result = Result.parse(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)));
      expect(result.amounts.total).toBe("5070.00");
      expect(await exited).toBe(0);
      const lines = logs.trim().split("\n").map((l) => JSON.parse(l) as { msg: string; res?: { statusCode: number } });
      expect(lines.filter((l) => l.msg === "request completed").map((l) => l.res!.statusCode)).toEqual([200, 200]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
