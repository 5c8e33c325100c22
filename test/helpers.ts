/** Shared test helpers: evaluate a case of one aid and get its Result (never a screening). */
import { expect } from "vitest";
import { evaluate, getRuntime } from "@fne/engine";
import { Result, type CaseInput, type WorkingStep } from "@fne/schema";

export function run(c: CaseInput): Result {
  const r = evaluate(c);
  if (!("aid" in r)) throw new Error("expected one Result, got a screening");
  // Every Result must satisfy the contract's shape, and its working must give its amounts, citing what it uses.
  const parsed = Result.parse(r);
  expectWorking(parsed);
  return parsed;
}

export const reason = (r: Result, rule: string) => {
  const x = r.reasons.find((y) => y.rule === rule);
  if (!x) throw new Error(`no reason ${rule} in ${r.reasons.map((y) => y.rule).join(", ")}`);
  return x;
};

/**
 * CONTRACT.md `working`: an eligible Result has one tree per amount, whose root value is the amount; a step that
 * reads a constant or a parameter cites it (a constant its article, a parameter its `{ id, from, value }`); every
 * other leaf is a fact of the aid. Amounts given beside an undetermined status (asfne without its end date) too.
 */
export function expectWorking(r: Result) {
  const rt = getRuntime();
  const aid = rt.aids.get(r.aid)!;
  const version = aid.versions.find((v) => v.file.id === r.version);
  if (r.status === "eligible") expect(Object.keys(r.working ?? {}), `${r.aid}: one working per amount`).toEqual(Object.keys(r.amounts));
  for (const [key, root] of Object.entries(r.working ?? {})) {
    expect(root.name, `${r.aid}.${key}`).toBe(key);
    expect(root.value, `${r.aid}.${key}: the root of the working is the amount`).toEqual(r.amounts[key]);
    const visit = (s: WorkingStep, path: string) => {
      const at = `${r.aid}.${path}`;
      if (s.parameter) {
        expect(rt.parameters.has(s.parameter.id), `${at}: a parameter of rules/parameters`).toBe(true);
        expect(s.parameter.value, at).toBe(s.value);
      }
      if (s.citation) expect(rt.articles.has(s.citation.article), `${at}: cites an article of rules/articles`).toBe(true);
      if (version && s.name in version.file.constants && !s.steps) expect(s.citation, `${at}: the constant ${s.name} cites its article`).toBeDefined();
      if (rt.parameters.has(s.name) && !s.steps) expect(s.parameter, `${at}: the parameter ${s.name} gives its id, date and value`).toBeDefined();
      if (!s.steps && !s.formula && !s.citation && !s.parameter) expect(s.name in aid.def.facts, `${at}: a leaf without a citation is a fact`).toBe(true);
      for (const c of s.steps ?? []) visit(c, `${path}.${c.name}`);
    };
    visit(root, key);
  }
}
