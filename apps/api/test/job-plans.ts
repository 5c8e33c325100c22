/**
 * Plans for the job tests and the job benchmark: examples/plan.json's employees (crp rows, one with a bad fact)
 * repeated with ids of their own, its scenario kept, and every 700th row repeating the id of the row before it (its
 * own error, whichever part of the job each of the two rows falls in). `reference` is the single-process answer.
 */
import { readFileSync } from "node:fs";
import { getRuntime } from "@fne/engine";
import { prepareJson, writePlan, type Format } from "@fne/planfile";

const root = new URL("../../../", import.meta.url).pathname;
const example = JSON.parse(readFileSync(`${root}examples/plan.json`, "utf8")) as { employees: Array<{ id: string }> } & Record<string, unknown>;

export function bigPlan(rows: number, tag: string) {
  const employees = Array.from({ length: rows }, (_, i) => {
    const e = example.employees[i % example.employees.length]!;
    const n = i % 700 === 699 ? i - 1 : i;
    return { ...e, id: `${tag}-${String(n).padStart(6, "0")}` };
  });
  return { ...example, employees };
}

/** The answer of one process running the whole plan at once (what POST /v1/plans streams below the threshold). */
export async function reference(plan: unknown, format: Format = "json"): Promise<string> {
  const rt = getRuntime();
  const pieces: Array<string | Uint8Array> = [];
  await writePlan(rt, prepareJson(rt, plan), [{ format, emit: (p) => void pieces.push(p) }]);
  return pieces.map((p) => (typeof p === "string" ? p : Buffer.from(p).toString("utf8"))).join("");
}
