/**
 * The deployment files, read as a reviewer would (Docker does not run here: the stages' commands are run and
 * served by hand, README "Deploy"): the Dockerfile lints clean with dockerfile-utils and keeps its promises
 * (stages, production dependencies only, a non-root user, a health check on /ready), compose.yaml runs the two
 * commands the image has, and every environment variable the processes read is in the README's table.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validate } from "dockerfile-utils";
import { StoreEnv } from "@fne/store";
import { JobEnv } from "../src/jobs.ts";
import { limitsFromEnv } from "../src/limits.ts";
import { webDir } from "../src/static.ts";
import { root } from "./process.ts";

const read = (f: string) => readFileSync(`${root}${f}`, "utf8");
const dockerfile = read("Dockerfile");
const instructions = dockerfile
  .replace(/\\\n\s*/g, " ")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"));

describe("Dockerfile", () => {
  it("lints clean (dockerfile-utils)", () => {
    expect(validate(dockerfile).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it("builds in stages and runs production dependencies only, as a non-root user, with a health check", () => {
    const froms = instructions.filter((l) => l.startsWith("FROM "));
    expect(froms.length).toBeGreaterThanOrEqual(3);
    const runtime = instructions.slice(instructions.lastIndexOf(froms.at(-1)!));
    // The runtime stage takes node_modules from the stage that installed with --prod only.
    expect(instructions.find((l) => l.includes("--prod"))).toMatch(/pnpm install --prod --frozen-lockfile/);
    expect(runtime.filter((l) => l.startsWith("COPY")).map((l) => l.split(" ")[1])).toEqual(["--from=deps", "--from=build", "--from=build"]);
    expect(runtime.filter((l) => l.startsWith("RUN")).join("\n")).not.toMatch(/install/);
    const user = runtime.findIndex((l) => l.startsWith("USER "));
    expect(runtime[user]).toBe("USER node");
    expect(user).toBeLessThan(runtime.findIndex((l) => l.startsWith("CMD ")));
    expect(runtime.find((l) => l.startsWith("HEALTHCHECK"))).toContain("/ready");
    expect(runtime.at(-1)).toBe('CMD ["node", "dist/fne-api/main.mjs"]');
  });
});

describe("compose.yaml", () => {
  const compose = read("compose.yaml");
  it("runs PostgreSQL, two API replicas and two workers of the same image", () => {
    expect(compose).toMatch(/^ {2}db:\n {4}image: postgres:/m);
    expect(compose).toMatch(/^ {2}api:\n {4}<<: \*app\n {4}deploy:\n {6}replicas: 2$/m);
    expect(compose).toMatch(/^ {2}worker:\n {4}<<: \*app\n {4}command: \["node", "dist\/fne-worker\/main.mjs"\]\n {4}deploy:\n {6}replicas: 2$/m);
    expect(compose).toContain("DATABASE_URL: postgres://fne:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}@db:5432/fne");
  });
});

describe("README", () => {
  it("lists every environment variable the API and the worker read", () => {
    const seen = new Set<string>([...Object.keys(StoreEnv.shape), ...Object.keys(JobEnv.shape)]);
    const recording = new Proxy({}, { get: (_t, k) => void (typeof k === "string" && seen.add(k)) }) as Record<string, string | undefined>;
    limitsFromEnv(recording);
    webDir(recording);
    for (const f of ["apps/api/src/main.ts", "apps/worker/src/main.ts"]) for (const m of read(f).matchAll(/process\.env\.([A-Z_]+)/g)) seen.add(m[1]!);
    const table = read("README.md").split("### Variables")[1]!.split("###")[0]!;
    expect([...seen].filter((v) => !table.includes(`\`${v}\``))).toEqual([]);
    expect(seen.size).toBeGreaterThan(25);
  });
});
