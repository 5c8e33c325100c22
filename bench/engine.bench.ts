/**
 * pnpm bench (engine part): cases per second for every aid's conditions through the compiled engine (generated code,
 * and the closures a page whose CSP forbids eval gets), beside a handwritten TypeScript function of the same rule and
 * json-rules-engine's own engine.run, on one core; then the full evaluation (amounts, explanation and working) and the
 * end-to-end evaluate(case) with validation.
 */
import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { compile, conditionFacts, evaluateAid, getRuntime, operators, parseCase, type ParsedCase } from "@fne/engine";
import { dateArb, factsArb } from "../packages/engine/test/arbitraries.ts";
import { perSecond, perSecondAsync, table } from "./harness.ts";
import { atdAmounts, eligible } from "./handwritten.ts";

const rt = getRuntime();
const N = Number(process.env.BENCH_N ?? 300_000);

async function aidBench(aidId: string) {
  const aid = rt.aids.get(aidId)!;
  const version = aid.versions.at(-1)!;
  const lo = version.file.validFrom ?? "1985-01-01";
  const hi = version.file.validTo ?? "2008-04-30";
  const cases: ParsedCase[] = fc
    .sample(fc.record({ date: dateArb(lo, hi), facts: factsArb(aid.def.facts) }), { numRuns: 5_000, seed: 7 })
    .map((c) => parseCase(rt, { aid: aidId, ...c }));
  const at = (i: number) => cases[i % cases.length]!;
  const compiled = (i: number) => {
    const p = conditionFacts(rt, aid, at(i))!;
    // Eligibility stops at the first condition not met, as the handwritten && does.
    for (const c of p.version.conditions) if (c.predicate(p.facts, p.derived) !== true) return false;
    return true;
  };
  // The same conditions compiled to closures (no eval: what a page under a strict CSP runs).
  const closures = version.file.conditions.map((c) => compile(c.when, version.scope));
  const closure = (i: number) => {
    const p = conditionFacts(rt, aid, at(i))!;
    for (const predicate of closures) if (predicate(p.facts, p.derived) !== true) return false;
    return true;
  };
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, op] of Object.entries(operators)) engine.addOperator(name, op);
  engine.addRule({ conditions: { all: version.file.conditions.map((c) => c.when) } as never, event: { type: "eligible" } });
  const jre = async (i: number) => {
    const p = conditionFacts(rt, aid, at(i))!;
    return (await engine.run({ ...p.facts, ...Object.fromEntries(p.version.derived.map((d) => [d.name, p.derived[d.name]])) })).events.length > 0;
  };
  const hand = eligible[aidId];
  // The four must agree before they are timed.
  for (let i = 0; i < cases.length; i++) {
    const c = compiled(i);
    if (closure(i) !== c) throw new Error(`${aidId}: generated code and closures disagree on case ${i}`);
    if ((await jre(i)) !== c || (hand && hand(at(i).facts, at(i).date) !== c)) throw new Error(`${aidId}: engines disagree on case ${i}`);
  }
  const rows: Array<[string, number]> = [
    ["compiled engine, generated code", perSecond(compiled, N)],
    ["compiled engine, closures (no eval)", perSecond(closure, N)],
  ];
  if (hand) rows.push(["handwritten TypeScript", perSecond((i) => hand(at(i).facts, at(i).date), N)]);
  rows.push(["json-rules-engine engine.run", await perSecondAsync(jre, Math.min(N, 20_000))]);
  rows.push(["full evaluation (Result, working included)", perSecond((i) => evaluateAid(rt, aid, at(i)), N / 10)]);
  table(`${aidId} (${version.file.id}, ${version.file.conditions.length} conditions)`, rows);
}

const only = process.env.BENCH_AID;
for (const aid of rt.aids.values()) if ((!only || aid.def.id === only) && aid.versions.some((v) => v.conditions.length > 0)) await aidBench(aid.def.id);

// atd end to end: the amounts beside a handwritten computation of them, and with the Case's validation.
const atd = rt.aids.get("atd")!;
const raw = Array.from({ length: 5000 }, (_, i) => ({
  aid: "atd",
  date: "1996-03-01",
  facts: { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: `${30 + (i % 40)}.00`, newHourlyWage: `${20 + (i % 7)}.50`, newMonthlyHours: 151 },
}));
const parsed = raw.map((c) => parseCase(rt, c));
for (const c of parsed) if (evaluateAid(rt, atd, c).amounts.total !== atdAmounts(c.facts)?.total) throw new Error("atd amounts disagree");
table("atd amounts", [
  ["engine evaluateAid (Result with reasons)", perSecond((i) => evaluateAid(rt, atd, parsed[i % parsed.length]!), N / 5)],
  ["handwritten TypeScript (amounts only)", perSecond((i) => atdAmounts(parsed[i % parsed.length]!.facts), N / 5)],
  ["engine evaluate(case), zod-validated Case", perSecond((i) => evaluateAid(rt, atd, parseCase(rt, raw[i % raw.length])), N / 10)],
]);
