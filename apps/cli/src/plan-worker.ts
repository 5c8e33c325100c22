/**
 * A worker thread of `pnpm calc` for large plans: parses pieces of a CSV (keeping their records), then evaluates
 * them, or evaluates batches of rows already read; answers each piece's output in every format asked.
 */
import { parentPort, workerData } from "node:worker_threads";
import { getRuntime, InputError } from "@fne/engine";
import { csvRecords, evaluateBatch, formatPiece, PlanFileError, prepareJson, tableRows, type FileRow, type RowSource } from "@fne/planfile";
import type { FromWorker, ToWorker, WorkerSetup } from "./plan.ts";

const setup = workerData as WorkerSetup;
const rt = getRuntime();
const { ctx } = prepareJson(rt, setup.envelope, { detail: setup.detail, scenarios: setup.scenarios });
const records = new Map<number, FileRow[]>();
const post = (m: FromWorker) => parentPort!.postMessage(m);

function parse(m: Extract<ToWorker, { type: "parse" }>) {
  const rows = csvRecords(m.text, setup.dialect!.separator, m.firstLine);
  records.set(m.piece, rows);
  const header = setup.header!;
  const idAt = header.indexOf("id");
  const aidAt = header.indexOf("aid");
  const aids = new Set<string>();
  for (const r of rows) aids.add(aidAt >= 0 && r.cells.length === header.length ? r.cells[aidAt]!.trim() : "");
  post({ type: "parsed", piece: m.piece, ids: rows.map((r) => (idAt >= 0 ? (r.cells[idAt]?.trim() ?? "") : "")), lines: rows.map((r) => r.line), aids: [...aids] });
}

function run(m: Extract<ToWorker, { type: "run" }>) {
  const sources: RowSource[] = m.rows ?? tableRows(rt, { header: setup.header!, dialect: setup.dialect! }, records.get(m.piece)!, m.firstIndex);
  records.delete(m.piece);
  const { outcomes, tallies } = evaluateBatch(rt, ctx, { rows: sources, firstIndex: m.firstIndex, duplicates: m.duplicates });
  const pieces = setup.formats.map((f) => formatPiece(rt, m.columns, ctx.lang, f, outcomes));
  post({ type: "done", piece: m.piece, pieces, tallies, rows: sources.length });
}

parentPort!.on("message", (m: ToWorker) => {
  try {
    if (m.type === "parse") parse(m);
    else run(m);
  } catch (e) {
    if (e instanceof PlanFileError) post({ type: "error", piece: m.piece, message: e.message, ...(e.line !== undefined ? { line: e.line } : {}) });
    else if (e instanceof InputError) post({ type: "error", piece: m.piece, message: e.message, issues: e.issues, code: e.code });
    else throw e;
  }
});
