/**
 * The compiled predicates (generated code, and the closures used under a strict CSP) must answer exactly as json-rules-engine does on the same JSON conditions,
 * with the same operator meanings (exact decimal comparisons), on many generated complete cases.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { compile, conditionFacts, getRuntime, operators, parseCase } from "@fne/engine";
import { dateArb, factsArb } from "./arbitraries.ts";

const rt = getRuntime();


function jsonEngine(conditions: Array<{ id: string; when: unknown }>) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, op] of Object.entries(operators)) engine.addOperator(name, op);
  for (const c of conditions) engine.addRule({ name: c.id, conditions: { all: [c.when] } as never, event: { type: c.id } });
  return engine;
}

describe("compiled conditions ≡ json-rules-engine", () => {
  for (const aid of rt.aids.values()) {
    // A version without conditions (aides individuelles: discretionary) has nothing to compare.
    for (const version of aid.versions.filter((v) => v.conditions.length > 0)) {
      const runs = aid.def.id === "atd" ? 10_000 : 1_000;
      it(`${version.file.id}: ${runs} generated cases`, async () => {
        const engine = jsonEngine(version.file.conditions);
        const closures = version.file.conditions.map((c) => compile(c.when, version.scope));
        const lo = version.file.validFrom ?? "1970-01-01";
        const hi = version.file.validTo ?? "2010-12-31";
        const cases = fc.sample(fc.record({ date: dateArb(lo, hi), facts: factsArb(aid.def.facts) }), { numRuns: runs, seed: 20261123 });
        let compared = 0;
        for (const c of cases) {
          const parsed = parseCase(rt, { aid: aid.def.id, ...c });
          const prepared = conditionFacts(rt, aid, parsed)!;
          const { events } = await engine.run({ ...prepared.facts, ...Object.fromEntries(prepared.version.derived.map((d) => [d.name, prepared.derived[d.name]])) });
          const jre = new Set(events.map((e) => e.type));
          for (const [i, cond] of prepared.version.conditions.entries()) {
            const compiled = cond.predicate(prepared.facts, prepared.derived);
            // The closure compiler (used where a page forbids generated code) answers the same, unknowns included.
            expect(closures[i]!(prepared.facts, prepared.derived), cond.id).toBe(compiled);
            // A derived fact may be unknown (a parameter not encoded at that date): json-rules-engine
            // has no "unknown", so only decided outcomes are compared.
            if (compiled === undefined) continue;
            expect(compiled, `${cond.id} on ${JSON.stringify(c)}`).toBe(jre.has(cond.id));
            compared++;
          }
        }
        expect(compared).toBeGreaterThanOrEqual(runs);
      });
    }
  }
});
