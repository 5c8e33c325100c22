/** Run the CLI as a user does (through tsx, as `pnpm calc` does) and capture stdout, stderr and the exit code. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../../", import.meta.url));

export function calc(args: string[], input?: string) {
  const r = spawnSync(`${root}node_modules/.bin/tsx`, [`${root}apps/cli/src/main.ts`, ...args], { cwd: root, input, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}
