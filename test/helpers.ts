/** Shared test helpers: evaluate a case of one aid and get its Result (never a screening). */
import { evaluate } from "@fne/engine";
import { Result, type CaseInput } from "@fne/schema";

export function run(c: CaseInput): Result {
  const r = evaluate(c);
  if (!("aid" in r)) throw new Error("expected one Result, got a screening");
  // Every Result must satisfy the contract's shape.
  return Result.parse(r);
}

export const reason = (r: Result, rule: string) => {
  const x = r.reasons.find((y) => y.rule === rule);
  if (!x) throw new Error(`no reason ${rule} in ${r.reasons.map((y) => y.rule).join(", ")}`);
  return x;
};
