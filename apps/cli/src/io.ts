/** The CLI's edges: read a file or standard input, print JSON on stdout, errors as the contract's Error. */
import { readFileSync } from "node:fs";
import { InputError } from "@fne/engine";
import type { ErrorCode } from "@fne/schema";

export function readInput(arg: string): string {
  try {
    return arg === "-" ? readFileSync(0, "utf8") : readFileSync(arg, "utf8");
  } catch (e) {
    throw new InputError("invalid_case", `cannot read ${arg}: ${(e as Error).message}`, [{ path: "(file)", message: (e as Error).message }]);
  }
}

export function parseJson(text: string, code: ErrorCode = "invalid_case"): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(code, `not valid JSON: ${(e as Error).message}`, [{ path: "(root)", message: "not valid JSON" }]);
  }
}

export const print = (x: unknown) => process.stdout.write(`${JSON.stringify(x, null, 2)}\n`);

/** Invalid input: the Error on stdout, exit 2. Anything else is a bug: stderr, exit 1. */
export function fail(e: unknown): never {
  if (e instanceof InputError) {
    print(e.toJSON());
    process.exit(2);
  }
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
}
