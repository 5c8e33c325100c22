/**
 * What the pages evaluate live, read from the repository: each aid's golden cases (rules/<aid>/cases.json, the
 * table the golden runner reads) and its examples (rules/<aid>/examples/*.json, or examples/<aid>.json before they
 * moved). Only the fields the pages show are read; the rest of a file is left to its own readers.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { AmountValue, Status } from "@fne/schema";

export const GoldenCase = z.object({
  name: z.string().min(1),
  /** The article the case checks, as written in the table ("R322-6 al. 3"). */
  article: z.string(),
  /** The Case (CONTRACT.md); the engine validates it when the page evaluates it. */
  case: z.record(z.string(), z.unknown()),
  /** The arithmetic done by hand, line by line. */
  arithmetic: z.array(z.string()),
  expect: z.object({ status: Status, amounts: z.record(z.string(), AmountValue).optional() }),
});
export type GoldenCase = z.infer<typeof GoldenCase>;
export const CasesFile = z.object({ cases: z.array(GoldenCase) });

export interface Example {
  /** The file's name without .json. */
  name: string;
  case: Record<string, unknown>;
}

/** What one aid's pages evaluate: its golden cases (null while it has no cases.json) and its examples. */
export interface AidMaterial {
  cases: GoldenCase[] | null;
  examples: Example[];
}

export class MaterialError extends Error {}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new MaterialError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parse<T>(schema: z.ZodType<T>, file: string, data: unknown): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new MaterialError(`${file}: ${i.path.join(".") || "(file)"}: ${i.message}`);
}

const ExampleCase = z.record(z.string(), z.unknown());

/** The material of `aid` under the repository root `root`. */
export function readMaterial(root: string, aid: string): AidMaterial {
  const casesFile = join(root, "rules", aid, "cases.json");
  const cases = existsSync(casesFile) ? parse(CasesFile, casesFile, readJson(casesFile)).cases : null;
  const dir = join(root, "rules", aid, "examples");
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(dir, f))
    : [join(root, "examples", `${aid}.json`)].filter((f) => existsSync(f));
  const examples = files.map((f) => ({ name: basename(f, ".json"), case: parse(ExampleCase, f, readJson(f)) }));
  return { cases, examples };
}
