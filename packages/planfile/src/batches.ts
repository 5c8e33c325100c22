/**
 * A plan cut in batches that can be evaluated apart (worker threads of the CLI, the API's job parts) and give the
 * same rows and totals as one run: each batch knows where it starts and which of its rows repeat an earlier id
 * (that row's own error, as PlanRun says it), and its totals are merged in order (PlanRun.mergeStates).
 */
import { PlanRun, type PlanContext, type RowOutcome, type Runtime, type TallyState } from "@fne/engine";
import { evaluateRow, type RowSource } from "./run.ts";

export interface PlanBatch {
  rows: RowSource[];
  /** The position of its first row in the plan. */
  firstIndex: number;
  /** Rows of the batch (by position in it) whose id an earlier row has, with where that row is. */
  duplicates: Array<[number, string]>;
}

const rowId = (raw: unknown) => {
  const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
};

/** Rows already read (a JSON plan, a file read whole) in batches of `size`, the ids checked across batches. */
export function planBatches(rows: RowSource[], size: number): PlanBatch[] {
  const seen = new Map<string, string>();
  const batches: PlanBatch[] = [];
  rows.forEach((r, i) => {
    if (i % size === 0) batches.push({ rows: [], firstIndex: i, duplicates: [] });
    const b = batches.at(-1)!;
    const id = "invalid" in r ? r.invalid.id : rowId(r.raw);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined && !("invalid" in r)) b.duplicates.push([b.rows.length, first]);
      else if (first === undefined) seen.set(id, r.line !== undefined ? `line ${r.line}` : `employees.${i}`);
    }
    b.rows.push(r);
  });
  return batches;
}

/** One batch evaluated on its own: its rows' outcomes and its totals (the plan's, then each scenario's). */
export function evaluateBatch(rt: Runtime, ctx: PlanContext, batch: PlanBatch): { outcomes: RowOutcome[]; tallies: TallyState[] } {
  const run = new PlanRun(rt, ctx, batch.firstIndex, false);
  const dup = new Map(batch.duplicates);
  const outcomes = batch.rows.map((r, k) => {
    const first = dup.get(k);
    if (first === undefined || "invalid" in r) return evaluateRow(run, r);
    return run.addDuplicate((r.raw as { id: string }).id, first, r.line);
  });
  return { outcomes, tallies: run.tallyStates() };
}
