/**
 * Layoff plans: one evaluation per employee, in input order. A bad row gets its own Error and never stops
 * the others. Totals are sums of each Result's rounded `costs`; scenarios re-run every row with the
 * employer's choice (e.g. proposesCRP=false) and report the cost difference.
 */
import {
  Plan,
  PlanEmployee,
  type Counts,
  type EmployeeResult,
  type ErrorIssue,
  type PlanResult,
  type Result,
  type Totals,
} from "@fne/schema";
import { currencyAt, type D } from "./decimal.ts";
import { InputError, summary, zodIssues } from "./errors.ts";
import { checkAid, evaluateParsed, parseFacts, parseOverrides, type ParsedCase } from "./evaluate.ts";
import type { Runtime } from "./load.ts";
import type { FactDef } from "@fne/schema";

export interface PlanOptions {
  onProgress?: (done: number, total: number) => void;
  /** "brief" (default for plans): reasons without compared values, no interpretations; "full": as a single case. */
  detail?: "brief" | "full";
}

/** What a scenario changes: the employer's choices and facts applied to every row. */
export interface ScenarioSpec {
  name: string;
  employer?: Record<string, boolean | number>;
  facts?: Record<string, boolean | number | string>;
}

/** The validated plan without its employees: what each row is evaluated against. */
export interface PlanContext {
  date: string;
  employer: { headcount: number; proposesCRP?: boolean };
  overrides: Map<string, D>;
  lang: "fr" | "en";
  brief: boolean;
  scenarios: ScenarioSpec[];
}

export function parsePlanEnvelope(rt: Runtime, input: unknown, options: PlanOptions = {}): { ctx: PlanContext; employees: unknown[] } {
  const r = Plan.safeParse(input);
  const issues: ErrorIssue[] = r.success ? [] : zodIssues(r.error);
  const overrides = r.success ? parseOverrides(rt, r.data.parameters, issues) : new Map<string, D>();
  if (r.success) checkScenarios(rt, r.data.scenarios ?? [], issues);
  if (!r.success || issues.length) throw new InputError("invalid_plan", `invalid plan: ${summary(issues)}`, issues);
  const p = r.data;
  return {
    ctx: {
      date: p.date,
      employer: p.employer,
      overrides,
      lang: p.lang ?? "fr",
      brief: (options.detail ?? "brief") === "brief",
      scenarios: p.scenarios ?? [],
    },
    employees: p.employees,
  };
}

/** What a scenario may change: the employer's two settings, and facts that some aid knows (own names only). */
const EMPLOYER_SETTINGS: Record<string, "boolean" | "number"> = { proposesCRP: "boolean", headcount: "number" };
function checkScenarios(rt: Runtime, scenarios: ScenarioSpec[], issues: ErrorIssue[]) {
  scenarios.forEach((s, i) => {
    for (const [k, v] of Object.entries(s.employer ?? {})) {
      const type = Object.hasOwn(EMPLOYER_SETTINGS, k) ? EMPLOYER_SETTINGS[k] : undefined;
      if (!type) issues.push({ path: `scenarios.${i}.employer.${k}`, message: `unknown employer setting "${k}"; known: proposesCRP, headcount` });
      else if (typeof v !== type || (type === "number" && !(Number.isInteger(v) && (v as number) >= 0)))
        issues.push({ path: `scenarios.${i}.employer.${k}`, message: type === "boolean" ? "expected true or false" : "expected a whole number of employees" });
    }
    for (const k of Object.keys(s.facts ?? {}))
      if (!Object.hasOwn(rt.allFacts, k)) issues.push({ path: `scenarios.${i}.facts.${k}`, message: `unknown fact "${k}" for any aid` });
  });
}

/**
 * The row's facts with the employer's: `headcount` → companyHeadcount and `proposesCRP` → proposed for the rows
 * that do not state them, when the row's aid has those facts; a scenario's choices and facts apply to every row.
 * Built key by key: spreading an object and then adding to it costs V8 about a microsecond a row.
 */
function withEmployer(rt: Runtime, aid: string | undefined, facts: Record<string, unknown>, employer: PlanContext["employer"], scenario: ScenarioSpec | undefined) {
  const defs: Record<string, FactDef> = aid === undefined ? rt.allFacts : (rt.aids.get(aid)?.def.facts ?? {});
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(facts)) out[k] = facts[k];
  const e = scenario?.employer;
  if (Object.hasOwn(defs, "companyHeadcount") && (e?.headcount !== undefined || out.companyHeadcount === undefined)) out.companyHeadcount = e?.headcount ?? employer.headcount;
  if (Object.hasOwn(defs, "proposed") && (e?.proposesCRP !== undefined || (out.proposed === undefined && employer.proposesCRP !== undefined)))
    out.proposed = e?.proposesCRP ?? employer.proposesCRP;
  if (scenario?.facts) for (const k of Object.keys(scenario.facts)) if (Object.hasOwn(defs, k)) out[k] = scenario.facts[k];
  return out;
}

type Row = { id: string; aid?: string; facts: Record<string, unknown> };
/** A row's error with its line in the file (CONTRACT.md: `{ "id", "line", "error" }`). */
const withLine = (er: EmployeeResult, line: number | undefined): EmployeeResult =>
  line === undefined || !("error" in er) ? er : { id: er.id, line, error: er.error };
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
/** What PlanEmployee accepts, checked without zod for the common valid row (zod words the errors). */
export function plainRow(raw: unknown): Row | undefined {
  if (!isObject(raw) || typeof raw.id !== "string" || raw.id === "") return undefined;
  for (const k in raw) if (k !== "id" && k !== "aid" && k !== "facts") return undefined;
  if (raw.aid !== undefined && (typeof raw.aid !== "string" || raw.aid === "")) return undefined;
  if (raw.facts !== undefined && (!isObject(raw.facts) || Object.hasOwn(raw.facts, "__proto__"))) return undefined;
  const facts = (raw.facts as Record<string, unknown>) ?? {};
  return raw.aid !== undefined ? { id: raw.id, aid: raw.aid as string, facts } : { id: raw.id, facts };
}

/** One row of a plan: its results, or its own Error (path prefixed with the row's position). */
export function evaluateEmployee(rt: Runtime, ctx: PlanContext, raw: unknown, index: number, scenario?: ScenarioSpec): EmployeeResult {
  const prefix = `employees.${index}`;
  let e = plainRow(raw);
  if (!e) {
    const row = PlanEmployee.safeParse(raw);
    const fallbackId = isObject(raw) && typeof raw.id === "string" ? raw.id : `#${index + 1}`;
    if (!row.success) {
      const issues = zodIssues(row.error, [prefix]);
      return { id: fallbackId, error: { code: "invalid_plan", message: `invalid employee ${fallbackId}: ${summary(issues)}`, issues } };
    }
    e = row.data;
  }
  const issues: ErrorIssue[] = [];
  checkAid(rt, e.aid, issues, `${prefix}.aid`);
  const facts = issues.length ? {} : parseFacts(rt, e.aid, withEmployer(rt, e.aid, e.facts, ctx.employer, scenario), issues, `${prefix}.facts`);
  if (issues.length) return { id: e.id, error: { code: "invalid_plan", message: `invalid employee ${e.id}: ${summary(issues)}`, issues } };
  const c: ParsedCase = { aid: e.aid, date: ctx.date, facts, overrides: ctx.overrides, lang: ctx.lang, brief: ctx.brief };
  const r = evaluateParsed(rt, c);
  return { id: e.id, results: "results" in r ? r.results : [r] };
}

/** Exact sums of two-decimal amounts, in cents (BigInt: no rounding, no overflow, ~20× cheaper than Decimal). */
const cents = (m: string) => BigInt(m.replace(".", ""));
const fromCents = (c: bigint) => {
  const neg = c < 0n;
  const s = (neg ? -c : c).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
};

/**
 * A sum of amounts to the cent. An amount of up to 12 digits before the point is added as a whole number of cents
 * in a double (exact: its error before rounding is under 0.03 of a cent) to a partial sum moved into the BigInt
 * before it reaches 2^52: a BigInt made for each amount of each row cost more than the rest of the tally.
 */
export class CentSum {
  private whole = 0n;
  private part = 0;
  add(m: string) {
    if (m.length > 15) {
      this.whole += cents(m);
      return;
    }
    this.part += Math.round(Number(m) * 100);
    if (Math.abs(this.part) >= 2 ** 52) {
      this.whole += BigInt(this.part);
      this.part = 0;
    }
  }
  get cents(): bigint {
    return this.whole + BigInt(this.part);
  }
  toString() {
    return fromCents(this.cents);
  }
}

/** Running totals and counts of a plan (or of one scenario of it). */
export class PlanTally {
  private readonly employer = new CentSum();
  private readonly state = new CentSum();
  private readonly employee = new CentSum();
  readonly counts: Counts = { eligible: 0, ineligible: 0, undetermined: 0, no_law: 0, invalid: 0 };

  add(er: EmployeeResult) {
    if ("error" in er) {
      this.counts.invalid++;
      return;
    }
    for (const r of er.results) this.addResult(r);
  }

  private addResult(r: Result) {
    this.counts[r.status]++;
    if (!r.costs) return;
    this.employer.add(r.costs.employer);
    this.state.add(r.costs.state);
    this.employee.add(r.costs.employee);
  }

  totals(): Totals {
    return { employerCost: this.employer.toString(), stateCost: this.state.toString(), employeeAllocations: this.employee.toString() };
  }

  /** Add another tally (a part of the plan evaluated elsewhere, e.g. in a worker thread). */
  merge(other: TallyState) {
    this.employer.add(other.totals.employerCost);
    this.state.add(other.totals.stateCost);
    this.employee.add(other.totals.employeeAllocations);
    for (const k of Object.keys(this.counts) as Array<keyof Counts>) this.counts[k] += other.counts[k];
  }

  toState(): TallyState {
    return { totals: this.totals(), counts: { ...this.counts } };
  }
}

/** A tally as plain data (totals are sums of cents: exact as two-decimal strings). */
export interface TallyState {
  totals: Totals;
  counts: Counts;
}

const minus = (a: Totals, b: Totals): Totals => ({
  employerCost: fromCents(cents(a.employerCost) - cents(b.employerCost)),
  stateCost: fromCents(cents(a.stateCost) - cents(b.stateCost)),
  employeeAllocations: fromCents(cents(a.employeeAllocations) - cents(b.employeeAllocations)),
});

/** A row of the plan with its results under each scenario (same order as the plan's scenarios). */
export interface RowOutcome {
  /** The row's line in its file, when it comes from one. */
  line?: number;
  result: EmployeeResult;
  scenarios: EmployeeResult[];
}

/** A plan being evaluated row by row (streamed: only the running totals and the ids seen are kept). */
export class PlanRun {
  private readonly base = new PlanTally();
  private readonly tallies: PlanTally[];
  private index: number;
  /** Each id with where it was first seen (its line, or its position for a JSON plan). */
  private readonly ids = new Map<string, string>();
  /**
   * `firstIndex`: the position of the first row given to this run in the whole plan (for error paths).
   * `checkDuplicates`: false when the caller sees only part of the plan and checks the ids itself (apps/cli).
   */
  constructor(
    private readonly rt: Runtime,
    private readonly ctx: PlanContext,
    firstIndex = 0,
    private readonly checkDuplicates = true,
  ) {
    this.index = firstIndex;
    this.tallies = ctx.scenarios.map(() => new PlanTally());
  }

  /** Evaluate the next row (and each scenario of it); returns the row's result under the plan as given. */
  add(raw: unknown, line?: number): EmployeeResult {
    return this.addRow(raw, line).result;
  }

  /** Evaluate the next row under the plan as given and under each scenario. `line`: its line in the file. */
  addRow(raw: unknown, line?: number): RowOutcome {
    const i = this.index;
    const id = isObject(raw) && typeof raw.id === "string" ? raw.id : undefined;
    const first = id !== undefined && this.checkDuplicates ? this.ids.get(id) : undefined;
    if (first !== undefined) return this.addDuplicate(id!, first, line);
    if (id !== undefined && this.checkDuplicates) this.ids.set(id, line !== undefined ? `line ${line}` : `employees.${i}`);
    this.index++;
    const result = withLine(evaluateEmployee(this.rt, this.ctx, raw, i), line);
    this.base.add(result);
    const scenarios: EmployeeResult[] = [];
    for (let j = 0; j < this.tallies.length; j++) {
      const r = evaluateEmployee(this.rt, this.ctx, raw, i, this.ctx.scenarios[j]);
      this.tallies[j]!.add(r);
      scenarios.push(withLine(r, line));
    }
    return line !== undefined ? { line, result, scenarios } : { result, scenarios };
  }

  /** A row that could not be read from its file (its cells), counted invalid in the plan and every scenario. */
  addInvalid(id: string, issues: ErrorIssue[], line?: number): RowOutcome {
    if (this.checkDuplicates && !this.ids.has(id)) this.ids.set(id, line !== undefined ? `line ${line}` : `employees.${this.index}`);
    this.index++;
    const result = withLine({ id, error: { code: "invalid_plan", message: `invalid employee ${id}: ${summary(issues)}`, issues } }, line);
    this.base.add(result);
    this.tallies.forEach((t) => t.add(result));
    return { ...(line !== undefined ? { line } : {}), result, scenarios: this.tallies.map(() => result) };
  }

  /** A row whose id an earlier row already has: its own error (counting it twice would double its cost). */
  addDuplicate(id: string, first: string, line?: number): RowOutcome {
    const path = `employees.${this.index}.id`;
    return this.addInvalid(id, [{ path, message: `duplicate id "${id}": already used on ${first}` }], line);
  }

  get done() {
    return this.index;
  }

  /** The running totals of the plan and of each scenario, as plain data. */
  tallyStates(): TallyState[] {
    return [this.base, ...this.tallies].map((t) => t.toState());
  }

  /** Add the totals of a part of the plan evaluated by another PlanRun (same scenarios). */
  mergeStates(states: TallyState[]) {
    [this.base, ...this.tallies].forEach((t, i) => t.merge(states[i]!));
  }

  /** Totals, counts, and each scenario with its difference to the plan as given. */
  summary(): Omit<PlanResult, "employees"> {
    const totals = this.base.totals();
    const out: Omit<PlanResult, "employees"> = {
      date: this.ctx.date,
      currency: currencyAt(this.ctx.date),
      totals,
      counts: this.base.counts,
      rulesVersion: this.rt.rulesVersion,
    };
    if (this.tallies.length) {
      out.scenarios = this.ctx.scenarios.map((s, j) => {
        const t = this.tallies[j]!.totals();
        return { name: s.name, totals: t, counts: this.tallies[j]!.counts, difference: minus(t, totals) };
      });
    }
    return out;
  }
}

export function evaluatePlanWith(rt: Runtime, input: unknown, options: PlanOptions = {}): PlanResult {
  const { ctx, employees } = parsePlanEnvelope(rt, input, options);
  const run = new PlanRun(rt, ctx);
  const results = employees.map((raw, i) => {
    const er = run.add(raw);
    if (options.onProgress && ((i + 1) % 1000 === 0 || i + 1 === employees.length)) options.onProgress(i + 1, employees.length);
    return er;
  });
  const { date, currency, ...rest } = run.summary();
  return { date, currency, employees: results, ...rest };
}
