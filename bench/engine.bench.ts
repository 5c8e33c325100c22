/**
 * pnpm bench: cases per second for each aid through the compiled engine, beside a handwritten
 * TypeScript function of the same rule and json-rules-engine's own engine.run (one core, one run).
 */
import { Engine } from "json-rules-engine";
import { D, conditionFacts, evaluateAid, getRuntime, operators, parseCase, type ParsedCase } from "@fne/engine";
import { perSecond, perSecondAsync, table } from "./harness.ts";
import { handwritten } from "./handwritten.ts";

const rt = getRuntime();
const N = Number(process.env.BENCH_N ?? 500_000);

function atdCases(n: number): ParsedCase[] {
  const out: ParsedCase[] = [];
  for (let i = 0; i < n; i++) {
    const prior = 30 + (i % 40);
    out.push(
      parseCase(rt, {
        aid: "atd",
        date: "1996-03-01",
        facts: { collectiveLayoff: i % 7 !== 0, trainingPossible: i % 11 === 0, priorHourlyWage: `${prior}.00`, newHourlyWage: `${20 + (i % 37)}.50`, newMonthlyHours: 120 + (i % 50) },
      }),
    );
  }
  return out;
}

async function main() {
  const aid = rt.aids.get("atd")!;
  const cases = atdCases(10_000);
  const at = (i: number) => cases[i % cases.length]!;

  // Eligibility: the JSON conditions compiled to predicates vs the same rule written by hand.
  const compiled = (i: number) => {
    const p = conditionFacts(rt, aid, at(i))!;
    let ok = true;
    for (const c of p.version.conditions) if (c.predicate(p.facts, p.derived) !== true) ok = false;
    return ok;
  };
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, op] of Object.entries(operators)) engine.addOperator(name, op);
  const version = aid.versions[0]!;
  engine.addRule({ conditions: { all: version.file.conditions.map((c) => c.when) } as never, event: { type: "eligible" } });
  const jre = async (i: number) => {
    const p = conditionFacts(rt, aid, at(i))!;
    return (await engine.run({ ...p.facts, ...p.derived })).events.length > 0;
  };
  // The three must agree before they are timed.
  for (let i = 0; i < cases.length; i++) {
    const h = handwritten.atdEligible(at(i).facts);
    if (compiled(i) !== h || (await jre(i)) !== h) throw new Error(`engines disagree on case ${i}`);
  }
  table("atd eligibility (conditions of R322-6)", [
    ["compiled engine (JSON → predicates)", perSecond(compiled, N)],
    ["handwritten TypeScript", perSecond((i) => handwritten.atdEligible(at(i).facts), N)],
    ["json-rules-engine engine.run", await perSecondAsync(jre, Math.min(N, 50_000))],
  ]);

  // Full evaluation: conditions, amounts in Decimal, the explanation (reasons with citations).
  const full = (i: number) => evaluateAid(rt, aid, at(i));
  for (let i = 0; i < 1000; i++) {
    const r = full(i);
    const h = handwritten.atd(at(i).facts);
    if (r.status === "eligible" && r.amounts.total !== h?.total) throw new Error(`amounts disagree on case ${i}`);
  }
  table("atd full evaluation (amounts + explanation)", [
    ["engine evaluateAid (Result with reasons)", perSecond(full, N / 5)],
    ["handwritten TypeScript (amounts only)", perSecond((i) => handwritten.atd(at(i).facts), N / 5)],
  ]);
  const raw = cases.map((_, i) => ({ aid: "atd", date: "1996-03-01", facts: { collectiveLayoff: true, trainingPossible: false, priorHourlyWage: `${30 + (i % 40)}.00`, newHourlyWage: "20.50", newMonthlyHours: 151 } }));
  table("atd end to end (zod validation of the Case included)", [
    ["engine evaluate(case)", perSecond((i) => evaluateAid(rt, aid, parseCase(rt, raw[i % raw.length])), N / 10)],
  ]);
  void D;
}

await main();
