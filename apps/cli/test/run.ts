/** Run the CLI as `pnpm calc` does (apps/cli/run.mjs) and capture stdout, stderr and the exit code. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../../", import.meta.url));

export function calc(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [`${root}apps/cli/run.mjs`, ...args], { cwd: root, input, encoding: "utf8", maxBuffer: 1 << 29 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}
