/**
 * One line of a plan's compact output (CSV, JSON Lines, xlsx, the simulator's table): an employee under one aid,
 * with one employer cost, the reason in words (the first unmet condition with its citation, or what is missing
 * by the facts' labels), and the row's status and cost under each scenario.
 */
import type { RowOutcome, Runtime } from "@fne/engine";
import type { Citation, EmployeeResult, Lang, Result, Status } from "@fne/schema";

type AmountValue = string | number | boolean;

export type RowStatus = Status | "invalid";

export interface CompactRow {
  id: string;
  /** The row's line in the plan file (CSV or xlsx). */
  line?: number;
  aid: string;
  status: RowStatus;
  /**
   * What the employer pays for this person, all included: Result.costs.employer. For crp it is the CRP sums
   * (amount employerTotal) plus the notice paid when the CRP is refused or not offered (details.noticePay).
   */
  employerCost: string;
  stateCost: string;
  employeeAllocations: string;
  amounts: Record<string, AmountValue>;
  /** Figures beyond the contract's amounts (crp: noticePay, the notice paid on an ordinary dismissal). */
  details?: Record<string, AmountValue>;
  /** The first unmet condition with its citation; or what is missing; or why there is no law at the date. */
  reason: string;
  /** The row's own error (its cells could not be read, a duplicate id, …). */
  error: string;
  /** Under each scenario of the plan, in order. */
  scenarios: Array<{ status: RowStatus; employerCost: string }>;
}

/** "L321-4-2, al. 1" */
export function citationText(c: Citation, lang: Lang): string {
  const para = c.paragraph !== undefined ? `, ${lang === "fr" ? "al." : "para."} ${c.paragraph}` : "";
  return `${c.article}${para}${c.point ? ` ${c.point}` : ""}`;
}

/** The label of a fact (or the description of a parameter) in `lang`: what a reader of the plan understands. */
export function missingLabel(rt: Runtime, aid: string, name: string, lang: Lang): string {
  const defs = rt.aids.get(aid)?.def.facts;
  const def = defs && Object.hasOwn(defs, name) ? defs[name] : Object.hasOwn(rt.allFacts, name) ? rt.allFacts[name] : undefined;
  if (def) return def.label[lang];
  const p = rt.parameters.get(name);
  return p ? p.description : name;
}

/** Why a result is not eligible, in words with the citation (empty for an eligible result). */
export function reasonText(rt: Runtime, r: Result, lang: Lang): string {
  if (r.status === "ineligible") {
    const failed = r.reasons.find((x) => x.passed === false);
    return failed ? `${failed.text} (${citationText(failed.citation, lang)})` : "";
  }
  if (r.status === "undetermined") {
    if (r.missing.length) return `${lang === "fr" ? "Manque : " : "Missing: "}${r.missing.map((m) => missingLabel(rt, r.aid, m, lang)).join(", ")}`;
    return r.notes.at(-1) ?? "";
  }
  if (r.status === "no_law") return r.notes[0] ?? "";
  return "";
}

/** The issues of a row's error, without the row's own prefix (`employees.7.facts.x` → `facts.x`). */
export function errorText(er: Extract<EmployeeResult, { error: unknown }>): string {
  return er.error.issues.map((i) => `${i.path.replace(/^employees\.\d+\.?/, "") || "row"}: ${i.message}`).join("; ");
}

const costOf = (r: Result | undefined) => r?.costs?.employer ?? "";

/** The compact lines of one employee: one per result (one for a row with its aid, one per aid when screened). */
export function compactRows(rt: Runtime, o: RowOutcome, lang: Lang): CompactRow[] {
  const er = o.result;
  const line = o.line;
  const at = (s: EmployeeResult, k: number) => ("error" in s ? { status: "invalid" as const, employerCost: "" } : { status: s.results[k]!.status, employerCost: costOf(s.results[k]) });
  if ("error" in er) {
    return [{ id: er.id, ...(line !== undefined ? { line } : {}), aid: "", status: "invalid", employerCost: "", stateCost: "", employeeAllocations: "", amounts: {}, reason: "", error: errorText(er), scenarios: o.scenarios.map((s) => at(s, 0)) }];
  }
  return er.results.map((r, k) => ({
    id: er.id,
    ...(line !== undefined ? { line } : {}),
    aid: r.aid,
    status: r.status,
    employerCost: r.costs?.employer ?? "",
    stateCost: r.costs?.state ?? "",
    employeeAllocations: r.costs?.employee ?? "",
    amounts: r.amounts,
    ...(r.details ? { details: r.details } : {}),
    reason: reasonText(rt, r, lang),
    error: "",
    scenarios: o.scenarios.map((s) => at(s, k)),
  }));
}
