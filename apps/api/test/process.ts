/** `pnpm api` as a child process on a free port, for the tests that need a real server (signals, sockets, load). */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";

export const root = new URL("../../../", import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts apps/api/run.mjs with `env` and an embedded database of its own (removed by `stop`); resolves once it
 * answers, with its logs so far (and to come) in `out.logs`.
 */
export async function startApi(env: Record<string, string> = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(`${tmpdir()}/fne-api-`);
  const child = spawn(process.execPath, ["apps/api/run.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", FNE_DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  const out = { logs: "" };
  child.stdout.on("data", (b: Buffer) => (out.logs += b.toString()));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited early: ${out.logs}`);
    const up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, child, out, exited, stop: () => child.exitCode === null && child.kill("SIGKILL") };
}

/** A `pnpm worker` process (apps/worker/run.mjs) with `env`; its JSON log lines in `lines()`. */
export function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ["apps/worker/run.mjs"], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const out = { text: "", err: "" };
  child.stdout.on("data", (b: Buffer) => (out.text += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out.err += b.toString()));
  const lines = () =>
    out.text
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; job?: string; part?: number; retry?: number; reqId?: string; ms?: number; evaluateMs?: number; databaseMs?: number; rows?: number });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { child, lines, out, exited };
}
