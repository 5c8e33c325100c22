/**
 * `pnpm api` (apps/api/run.mjs: main.ts bundled) as a process: listens on HOST:PORT, logs requests as JSON
 * lines (pino), on SIGTERM finishes the request in flight before it exits 0, and within SHUTDOWN_SECONDS cuts
 * (and logs) what would hold it longer.
 */
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { connect } from "node:net";
import { Result } from "@fne/schema";
import { freePort, root, startApi as start } from "./process.ts";

const body = readFileSync(`${root}rules/atd/examples/atd.json`, "utf8");

describe("main.ts", () => {
  it("on SIGTERM, cuts a stalled upload and clients that do not read after SHUTDOWN_SECONDS, logs each, exits 0", { timeout: 60_000 }, async () => {
    const { port, child, out, exited } = await start({ SHUTDOWN_SECONDS: "1", RATE_LIMIT_MAX: "0" });
    const open = (request: string) => {
      const s = connect(port, "127.0.0.1");
      s.on("error", () => {});
      s.pause(); // reads nothing
      s.write(request);
      return s;
    };
    const plan = JSON.parse(readFileSync(`${root}examples/plan.json`, "utf8")) as { employees: unknown[] };
    const big = JSON.stringify({ ...plan, employees: Array.from({ length: 20_000 }, (_, i) => plan.employees[i % plan.employees.length]) });
    const sockets = [
      // An upload that stops halfway.
      open(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`),
      // A plan's answer (streamed, some tens of MB) that the client does not read.
      open(`POST /v1/plans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(big)}\r\n\r\n${big}`),
      // Complete answers (17 MB of Swagger UI's script) that the client does not read: Node closes these at once.
      open("GET /docs/swagger-ui-bundle.js HTTP/1.1\r\nHost: x\r\n\r\n".repeat(10)),
    ];
    try {
      await new Promise((r) => setTimeout(r, 3000));
      const signalled = performance.now();
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const seconds = (performance.now() - signalled) / 1000;
      expect(seconds).toBeLessThan(6); // 1 s deadline; generous for a loaded machine (was 20 s and 126 s)
      const lines = out.logs.trim().split("\n").map((l) => JSON.parse(l) as { msg: string; phase?: string; req?: { url: string } });
      const cut = lines.filter((l) => l.msg === "shutdown: request cut").map((l) => `${l.phase} ${l.req!.url}`);
      expect(cut).toContain("receiving the body /v1/evaluate");
      expect(cut).toContain("sending the answer /v1/plans");
      expect(cut).toContain("sending the answer /docs/swagger-ui-bundle.js");
      expect(lines.some((l) => l.msg === "shutdown deadline: closing every connection")).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

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
