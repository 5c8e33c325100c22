/**
 * A fresh PGlite data directory costs an initdb (seconds); tests copy this one instead, made once per run with
 * the migrations applied (a cleanly closed data directory copies like a cold backup).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openStore } from "../src/index.ts";

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "fne-pglite-template-"));
  const store = await openStore({ dataDir: dir });
  await store.close();
  project.provide("pgliteTemplate", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
