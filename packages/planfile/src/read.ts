/**
 * Reading plan files: CSV text in its dialect (csv-parse, RFC 4180 quoting, CRLF or LF, BOM) or the first sheet of
 * an xlsx workbook (exceljs), as a header and records that each know their line in the file.
 */
import { parse } from "#csv-parse";
import { loadExcel } from "#exceljs";
import { detectDialect, type Dialect } from "./dialect.ts";

/** A record of the file: its cells as text and the line it starts on (1 = the header's line). */
export interface FileRow {
  line: number;
  cells: string[];
}

export interface PlanTable {
  dialect: Dialect;
  header: string[];
  rows: FileRow[];
}

/** The file itself cannot be read (exit 2, HTTP 400): its line when known. */
export class PlanFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const BOM = "\uFEFF";
export const stripBom = (text: string) => (text.startsWith(BOM) ? text.slice(1) : text);

/**
 * Records of a piece of CSV text (whole records only) whose first line is `firstLine`. Blank lines are skipped;
 * a record's line is where it starts, counting the line breaks inside its quoted cells.
 */
export function csvRecords(text: string, separator: Dialect["separator"], firstLine: number): FileRow[] {
  return plainRecords(text, separator, firstLine) ?? csvParseRecords(text, separator, firstLine);
}

/**
 * The records of a piece with no quote and no lone CR (what spreadsheets and HR exports write, unless a cell holds
 * the separator or a line break): its lines cut on the separator, exactly what csv-parse gives for such text
 * (packages/planfile/test/read.test.ts compares the two on random pieces), six times faster: on a 100,000-row plan
 * csv-parse took as long as evaluating the rows. Undefined for anything else, which csv-parse reads.
 */
function plainRecords(text: string, separator: Dialect["separator"], firstLine: number): FileRow[] | undefined {
  if (text.includes('"') || LONE_CR.test(text)) return undefined;
  const lines = text.split("\n");
  const n = lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
  const rows: FileRow[] = [];
  for (let i = 0; i < n; i++) {
    let l = lines[i]!;
    if (l.charCodeAt(l.length - 1) === 13) l = l.slice(0, -1);
    if (l !== "") rows.push({ line: firstLine + i, cells: l.split(separator) });
  }
  return rows;
}
const LONE_CR = /\r(?!\n)/;

/** The records of any piece by csv-parse (quoted cells, their line breaks counted in the lines). */
export function csvParseRecords(text: string, separator: Dialect["separator"], firstLine: number): FileRow[] {
  let records: string[][];
  try {
    records = parse(text, { delimiter: separator, record_delimiter: ["\r\n", "\n"], relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    const lines = (e as { lines?: number }).lines;
    throw new PlanFileError(`CSV: ${(e as Error).message.replace(/ at line \d+/, "")}`, lines === undefined ? undefined : firstLine + lines - 1);
  }
  const rows: FileRow[] = [];
  let line = firstLine;
  for (const cells of records) {
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line, cells });
    line++;
    for (const c of cells) if (c.includes("\n")) line += c.split("\n").length - 1;
  }
  return rows;
}

/** The header and records of a CSV file, in the dialect its header line shows. */
export function readCsv(input: string): PlanTable {
  const text = stripBom(input);
  const dialect = detectDialect(text);
  const rows = csvRecords(text, dialect.separator, 1);
  const head = rows.shift();
  if (!head) throw new PlanFileError("the file is empty: its first line must name the columns (id, aid and fact names)", 1);
  if (head.line !== 1) throw new PlanFileError("the first line must name the columns (id, aid and fact names), not be blank", 1);
  return { dialect, header: head.cells.map((h) => h.trim()), rows };
}

/**
 * The CSV text after its header, cut into pieces of about `size` characters at record boundaries (never inside a
 * quoted cell), each with the line it starts on: what parallel readers parse (apps/cli).
 */
export function csvPieces(input: string, size: number): { header: string; dialect: Dialect; pieces: Array<{ text: string; firstLine: number }> } {
  const text = stripBom(input);
  const dialect = detectDialect(text);
  let quoted = false;
  let line = 1;
  let start = -1;
  let startLine = 0;
  const pieces: Array<{ text: string; firstLine: number }> = [];
  let header = text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (quoted) continue;
      if (start < 0) {
        header = text.slice(0, i + 1);
        start = i + 1;
        startLine = line;
      } else if (i + 1 - start >= size) {
        pieces.push({ text: text.slice(start, i + 1), firstLine: startLine });
        start = i + 1;
        startLine = line;
      }
    }
  }
  if (start >= 0 && start < text.length) pieces.push({ text: text.slice(start), firstLine: startLine });
  return { header, dialect, pieces };
}

/** Whether bytes are a zip archive (an xlsx workbook) rather than text. */
export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

type CellValue = null | undefined | string | number | boolean | Date | { [k: string]: unknown };

/** A cell of the workbook as the text a `,` CSV would hold (dates as ISO days, numbers with a point). */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if ("result" in v) return cellText(v.result as CellValue); // a formula: its cached value
  if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: string }) => r.text ?? "").join("");
  if ("text" in v) return String(v.text); // a hyperlink
  if ("error" in v) return String(v.error);
  return "";
}

/** The first sheet of an xlsx workbook: its first row is the header (the same rules as a CSV header line). */
export async function readXlsx(bytes: Uint8Array): Promise<PlanTable> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new PlanFileError(`not a readable xlsx workbook: ${(e as Error).message}`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new PlanFileError("the workbook has no sheet");
  const all: FileRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    // row.values is 1-based: [ , A, B, …]; a cell left empty inside the row is a hole.
    const values = (row.values as CellValue[]).slice(1);
    const cells = Array.from({ length: values.length }, (_, j) => cellText(values[j]).trim());
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    if (cells.length) all.push({ line: n, cells });
  });
  const head = all.shift();
  if (!head || head.line !== 1) throw new PlanFileError("the first row of the first sheet must name the columns (id, aid and fact names)", 1);
  const width = head.cells.length;
  // Excel does not store the empty cells at the end of a row: a short row is padded up to the header's width.
  const rows = all.map((r) => (r.cells.length < width ? { line: r.line, cells: [...r.cells, ...Array<string>(width - r.cells.length).fill("")] } : r));
  return { dialect: { separator: ",", decimal: ".", lang: "fr" }, header: head.cells, rows };
}

/** A plan file's bytes: xlsx when they are a zip archive, else UTF-8 CSV. */
export async function readPlanFile(bytes: Uint8Array): Promise<PlanTable> {
  if (isZip(bytes)) return readXlsx(bytes);
  return readCsv(new TextDecoder("utf-8").decode(bytes));
}
