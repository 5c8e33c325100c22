/**
 * What one lane of a large plan does, in a worker thread (plan-worker.ts) or in the main thread itself: parses pieces
 * of a CSV (keeping their records), then evaluates them, or evaluates batches of rows already read; answers each
 * piece's output in every format asked, or the piece's error.
 */
import { getRuntime, InputError, type PlanContext, type Runtime } from "@fne/engine";
import { csvRecords, PlanFileError, prepareJson, tableRows, writeBatch, type FileRow, type RowSource } from "@fne/planfile";
import type { Columns, CompactRow, Format } from "@fne/planfile";
import type { ScenarioSpec, TallyState } from "@fne/engine";

/** What the main thread asks a worker (apps/cli/src/plan-worker.ts). */
export type ToWorker =
  | { type: "parse"; piece: number; text: string; firstLine: number }
  | { type: "run"; piece: number; firstIndex: number; duplicates: Array<[number, string]>; columns: Columns; rows?: RowSource[] };
export type FromWorker =
  | { type: "parsed"; piece: number; ids: string[]; aids: string[]; lines: number[] }
  | { type: "done"; piece: number; pieces: Array<string | CompactRow[]>; tallies: TallyState[]; rows: number }
  | { type: "error"; piece: number; message: string; line?: number; issues?: Array<{ path: string; message: string }>; code?: string };
export interface WorkerSetup {
  envelope: Record<string, unknown>;
  scenarios: ScenarioSpec[];
  detail: "brief" | "full";
  formats: Format[];
  header?: string[];
  dialect?: Columns["dialect"];
}

export class PieceRunner {
  private readonly rt: Runtime = getRuntime();
  private readonly ctx: PlanContext;
  private readonly records = new Map<number, FileRow[]>();
  constructor(private readonly setup: WorkerSetup) {
    this.ctx = prepareJson(this.rt, setup.envelope, { detail: setup.detail, scenarios: setup.scenarios }).ctx;
  }

  /** The answer to one question; a piece that cannot be read or run answers its error. */
  handle(m: ToWorker): FromWorker {
    try {
      return m.type === "parse" ? this.parse(m) : this.run(m);
    } catch (e) {
      if (e instanceof PlanFileError) return { type: "error", piece: m.piece, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) };
      if (e instanceof InputError) return { type: "error", piece: m.piece, message: e.message, issues: e.issues, code: e.code };
      throw e;
    }
  }

  private parse(m: Extract<ToWorker, { type: "parse" }>): FromWorker {
    const rows = csvRecords(m.text, this.setup.dialect!.separator, m.firstLine);
    this.records.set(m.piece, rows);
    const header = this.setup.header!;
    const idAt = header.indexOf("id");
    const aidAt = header.indexOf("aid");
    const aids = new Set<string>();
    for (const r of rows) aids.add(aidAt >= 0 && r.cells.length === header.length ? r.cells[aidAt]!.trim() : "");
    return { type: "parsed", piece: m.piece, ids: rows.map((r) => (idAt >= 0 ? (r.cells[idAt]?.trim() ?? "") : "")), lines: rows.map((r) => r.line), aids: [...aids] };
  }

  private run(m: Extract<ToWorker, { type: "run" }>): FromWorker {
    const { rt, ctx, setup } = this;
    const sources: RowSource[] = m.rows ?? tableRows(rt, { header: setup.header!, dialect: setup.dialect! }, this.records.get(m.piece)!, m.firstIndex);
    this.records.delete(m.piece);
    const { pieces, tallies } = writeBatch(rt, ctx, { rows: sources, firstIndex: m.firstIndex, duplicates: m.duplicates }, m.columns, setup.formats);
    return { type: "done", piece: m.piece, pieces, tallies, rows: sources.length };
  }
}
