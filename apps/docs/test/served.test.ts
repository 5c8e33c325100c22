/** `pnpm docs` writes every page, and the API serves them at /regles/ and /rules/. */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRuntime, listAids } from "@fne/engine";
import { aidPagePath, articlePagePath } from "@fne/ui";
import { buildServer } from "../../api/src/server.ts";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

describe("served", () => {
  let dir: string;
  beforeAll(async () => {
    // `pnpm docs` itself (the bundle), writing into a folder of its own.
    dir = mkdtempSync(join(tmpdir(), "fne-docs-"));
    const { stdout } = await promisify(execFile)(process.execPath, [join(repo, "apps/docs/run.mjs")], { cwd: repo, env: { ...process.env, FNE_DOCS_DIR: dir } });
    expect(stdout).toMatch(/rule pages: \d+ written/);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("pnpm docs writes a page for every aid and every article version, in both languages", () => {
    const paths = (["fr", "en"] as const).flatMap((l) => [
      ...listAids().map((a) => aidPagePath(l, a.id)),
      ...[...getRuntime().articles.values()].flatMap((a) => a.versions.map((v) => articlePagePath(l, a.id, v.from))),
    ]);
    expect(paths.filter((p) => !existsSync(join(dir, p)))).toEqual([]);
  });

  it("the API serves /regles/atd and /rules/… as HTML with the pages' security policy", async () => {
    const server = buildServer({ docsDir: dir });
    try {
      for (const url of ["/regles/atd", "/regles/atd.html", "/rules/atd.html", "/regles/", "/rules/articles/R322-6/initial.html"]) {
        const r = await server.inject(url);
        expect(r.statusCode, url).toBe(200);
        expect(r.headers["content-type"], url).toMatch(/^text\/html/);
        expect(String(r.headers["content-security-policy"]), url).toContain("script-src 'self'");
      }
      expect((await server.inject("/regles/no-such-aid")).statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });
});
