/**
 * Writing a plan's results: the PlanResult as JSON (streamed in pieces), JSON Lines (one compact line an employee,
 * then the totals line), CSV in the input's dialect (French in, French out: `;`, decimal commas, BOM, CRLF, French
 * headers and status labels) with a totals row, and xlsx (results, totals with the scenario comparison, one sheet
 * per scenario). No cell starts with = + - @ tab or CR unescaped (spreadsheet formula injection).
 */
import type { Runtime } from "@fne/engine";
import { loadExcel } from "#exceljs";
import type { Counts, Lang, PlanResult, Totals } from "@fne/schema";
import { decimalOut, type Dialect } from "./dialect.ts";
import type { CompactRow, RowStatus } from "./rowview.ts";

export const FORMATS = ["json", "jsonl", "csv", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

export const MEDIA_TYPES: Record<Format, string> = {
  json: "application/json; charset=utf-8",
  jsonl: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** `--out results.csv` → csv; undefined for an extension that names no format. */
export function formatOfPath(path: string): Format | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === "json" || ext === "csv" || ext === "xlsx" || ext === "jsonl") return ext;
  return ext === "ndjson" ? "jsonl" : undefined;
}

/** The first format an Accept header takes, in its order of preference; json for none or any. */
export function formatOfAccept(accept: string | undefined): Format | undefined {
  if (!accept || accept.trim() === "") return "json";
  const ranges = accept
    .split(",")
    .map((r, i) => {
      const [type, ...params] = r.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
      return { type: type!.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { type } of ranges) {
    if (type === "*/*" || type === "application/*" || type === "application/json") return "json";
    if (type === "application/x-ndjson" || type === "application/jsonl") return "jsonl";
    if (type === "text/csv" || type === "text/*") return "csv";
    if (type === MEDIA_TYPES.xlsx) return "xlsx";
  }
  return undefined;
}

/** What the columns of a compact output are: the amounts of the aids in the plan, and the scenarios. */
export interface Columns {
  dialect: Dialect;
  amountKeys: string[];
  scenarios: string[];
}

/** The amounts (and money details) of the given aids, in catalog order; every aid's when a row is screened. */
export function amountKeys(rt: Runtime, aids: Iterable<string>): string[] {
  const wanted = new Set(aids);
  const keys = new Set<string>();
  for (const [id, a] of rt.aids) {
    if (!wanted.has(id) && !wanted.has("")) continue;
    for (const k of Object.keys(a.def.amounts)) keys.add(k);
    for (const [k, d] of Object.entries(a.def.details ?? {})) if (d.type === "money") keys.add(k);
  }
  return [...keys];
}

const STATUS_FR: Record<RowStatus, string> = {
  eligible: "Éligible",
  ineligible: "Non éligible",
  undetermined: "Indéterminé",
  no_law: "Pas de texte à cette date",
  invalid: "Ligne invalide",
};
export const statusLabel = (s: RowStatus, lang: Lang) => (lang === "fr" ? STATUS_FR[s] : s);

/**
 * Column headers. The employer's cost is one figure, named so that it cannot be read beside another "total":
 * crp's amount `employerTotal` is the CRP sums only, without the notice paid on an ordinary dismissal.
 */
const HEAD_FR: Record<string, string> = {
  id: "Salarié",
  line: "Ligne",
  aid: "Aide",
  status: "Statut",
  employerCost: "Coût employeur (tout compris, préavis payé inclus)",
  stateCost: "Part de l'État",
  employeeAllocations: "Versé au salarié",
  reason: "Motif (condition non remplie, information manquante)",
  error: "Erreur de la ligne",
};
const AMOUNT_HEAD: Record<string, { fr: string; en: string }> = {
  employerTotal: { fr: "Sommes CRP dues par l'employeur (hors préavis payé)", en: "employerTotal" },
};

/** What each cost means, printed in the xlsx totals sheet and the simulator. */
export const COST_NOTES: Record<Lang, string[]> = {
  fr: [
    "Coût employeur : tout ce que l'employeur paie pour le salarié (Result.costs.employer). Pour la CRP : les sommes CRP (contribution, solde ou équivalent de préavis, indemnité de licenciement, DIF, ou pénalité) plus le préavis payé quand la CRP est refusée ou non proposée.",
    "Sommes CRP (montant employerTotal) : les sommes propres à la CRP, sans le préavis payé ; ce n'est pas le coût employeur.",
    "Part de l'État : ce que l'État (FNE) finance. Versé au salarié : ce que le salarié reçoit (préavis, indemnité, allocations).",
  ],
  en: [
    "Employer cost: everything the employer pays for the employee (Result.costs.employer). For the CRP: the CRP sums (contribution, notice balance or equivalent, severance, DIF, or penalty) plus the notice paid when the CRP is refused or not offered.",
    "CRP sums (amount employerTotal): the sums specific to the CRP, without the notice paid; not the employer cost.",
    "State share: what the State (FNE) funds. Paid to the employee: what the employee receives (notice, severance, allowances).",
  ],
};

function amountHead(rt: Runtime, key: string, lang: Lang): string {
  const o = Object.hasOwn(AMOUNT_HEAD, key) ? AMOUNT_HEAD[key] : undefined;
  if (o) return o[lang];
  if (lang === "en") return key;
  for (const a of rt.aids.values()) {
    const d = (Object.hasOwn(a.def.amounts, key) ? a.def.amounts[key] : undefined) ?? a.def.details?.[key];
    if (d) return d.label.fr;
  }
  return key;
}

export function headers(rt: Runtime, cols: Columns, withScenarios = true): string[] {
  const lang = cols.dialect.lang;
  const h = (k: string) => (lang === "fr" ? HEAD_FR[k]! : k);
  const out = [h("id"), h("line"), h("aid"), h("status"), h("employerCost"), h("stateCost"), h("employeeAllocations"), ...cols.amountKeys.map((k) => amountHead(rt, k, lang)), h("reason"), h("error")];
  if (withScenarios)
    for (const s of cols.scenarios) out.push(lang === "fr" ? `Statut — ${s}` : `status (${s})`, lang === "fr" ? `Coût employeur — ${s}` : `employerCost (${s})`);
  return out;
}

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe; plain numbers stay numbers. */
export function safeCell(s: string): string {
  const c = s.charCodeAt(0);
  // = + - @ tab CR
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) return /^-?\d+([.,]\d+)?$/.test(s) ? s : `'${s}`;
  return s;
}

function valueText(v: string | number | boolean | undefined, d: Dialect): string {
  if (v === undefined) return "";
  if (typeof v === "boolean") return d.lang === "fr" ? (v ? "oui" : "non") : String(v);
  if (typeof v === "number") return decimalOut(String(v), d);
  return d.decimal === "," && /^-?\d+\.\d+$/.test(v) ? decimalOut(v, d) : v;
}

/** The cells of a compact row, as text in the dialect. */
export function rowCells(row: CompactRow, cols: Columns, withScenarios = true): string[] {
  const d = cols.dialect;
  const m = (v: string) => decimalOut(v, d);
  const cells = [row.id, row.line === undefined ? "" : String(row.line), row.aid, statusLabel(row.status, d.lang), m(row.employerCost), m(row.stateCost), m(row.employeeAllocations)];
  for (const k of cols.amountKeys) cells.push(valueText(row.amounts[k] ?? row.details?.[k], d));
  cells.push(row.reason, row.error);
  if (withScenarios) for (const s of row.scenarios) cells.push(statusLabel(s.status, d.lang), m(s.employerCost));
  for (let j = 0; j < cells.length; j++) cells[j] = safeCell(cells[j]!);
  return cells;
}

const COUNT_ORDER: Array<keyof Counts> = ["eligible", "ineligible", "undetermined", "no_law", "invalid"];
export const countsText = (c: Counts, lang: Lang) => COUNT_ORDER.map((k) => `${statusLabel(k, lang)} ${lang === "fr" ? ": " : ""}${c[k]}`).join(" · ");

type Summary = Omit<PlanResult, "employees">;

/** The CSV of a plan, written in pieces: the header, batches of rows, then the totals (and differences) rows. */
export class CsvWriter {
  private readonly width: number;
  constructor(
    private readonly rt: Runtime,
    private readonly cols: Columns,
  ) {
    this.width = headers(rt, cols).length;
  }
  /** RFC 4180 quoting, written here: csv-stringify took 2 s of a 100,000-row plan's 3 s of writing. */
  private text(records: string[][]): string {
    const d = this.cols.dialect;
    const eol = d.lang === "fr" ? "\r\n" : "\n";
    const special = d.separator === ";" ? /[;"\r\n]/ : d.separator === "," ? /[,"\r\n]/ : /[\t"\r\n]/;
    let out = "";
    for (const r of records) {
      for (let j = 0; j < r.length; j++) {
        const c = r[j]!;
        if (j) out += d.separator;
        out += special.test(c) ? `"${c.replaceAll('"', '""')}"` : c;
      }
      out += eol;
    }
    return out;
  }
  head(): string {
    return `${this.cols.dialect.lang === "fr" ? "\uFEFF" : ""}${this.text([headers(this.rt, this.cols)])}`;
  }
  rows(rows: CompactRow[]): string {
    return rows.length ? this.text(rows.map((r) => rowCells(r, this.cols))) : "";
  }
  /** A TOTAL row (the counts in the reason column) and, with scenarios, a row of the differences to the plan. */
  tail(s: Summary): string {
    const d = this.cols.dialect;
    const m = (v: string) => decimalOut(v, d);
    const blank = () => Array<string>(this.width).fill("");
    const total = blank();
    total[0] = "TOTAL";
    [total[4], total[5], total[6]] = [m(s.totals.employerCost), m(s.totals.stateCost), m(s.totals.employeeAllocations)];
    const reasonAt = 7 + this.cols.amountKeys.length;
    total[reasonAt] = countsText(s.counts, d.lang);
    const rows = [total];
    if (s.scenarios?.length) {
      const diff = blank();
      diff[0] = d.lang === "fr" ? "ÉCART (scénario − plan)" : "DIFFERENCE (scenario − plan)";
      s.scenarios.forEach((sc, j) => {
        const at = reasonAt + 2 + 2 * j;
        total[at] = countsText(sc.counts, d.lang);
        total[at + 1] = m(sc.totals.employerCost);
        diff[at + 1] = m(sc.difference.employerCost);
      });
      rows.push(diff);
    }
    return this.text(rows.map((r) => r.map(safeCell)));
  }
}

/** JSON Lines: one compact row a line, then the totals line (the PlanResult without its employees). */
export const jsonlRows = (rows: CompactRow[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join("");
export const jsonlTail = (s: Summary) => `${JSON.stringify(s)}\n`;

/** The PlanResult as JSON text in pieces: the same document as JSON.stringify(evaluatePlan(plan)). */
export const jsonHead = (date: string, currency: string) => `{"date":${JSON.stringify(date)},"currency":${JSON.stringify(currency)},"employees":[`;
export const jsonTail = (s: Summary) => {
  const { date: _d, currency: _c, ...rest } = s;
  return `\n],${JSON.stringify(rest).slice(1)}\n`;
};

const sheetName = (name: string, taken: Set<string>) => {
  const base = name.replace(/[[\]:*?/\\]/g, " ").slice(0, 28) || "Scénario";
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 26)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
};

/** The xlsx workbook: results, totals with the scenario comparison and what each cost means, one sheet per scenario. */
export async function xlsxBytes(rt: Runtime, cols: Columns, rows: CompactRow[], s: Summary): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const lang = cols.dialect.lang;
  const fr = lang === "fr";
  const wb = new ExcelJS.Workbook();
  const money = (v: string) => (v === "" ? "" : Math.abs(Number(v)) < 1e13 ? Number(v) : v);
  const cell = (v: string) => (/^-?\d+(\.\d+)?$/.test(v) ? money(v) : safeCell(v));
  const en = { ...cols, dialect: { ...cols.dialect, decimal: "." as const } };

  const results = wb.addWorksheet(fr ? "Résultats" : "Results");
  results.addRow(headers(rt, cols, false)).font = { bold: true };
  for (const r of rows) results.addRow(rowCells(r, en, false).map((c, j) => (j >= 4 && j < 7 + cols.amountKeys.length ? cell(c) : c)));
  results.views = [{ state: "frozen", ySplit: 1 }];

  const totals = wb.addWorksheet(fr ? "Totaux" : "Totals");
  const th = fr
    ? ["Scénario", "Coût employeur", "Part de l'État", "Versé au salarié", ...COUNT_ORDER.map((k) => STATUS_FR[k]), "Écart coût employeur", "Écart part de l'État", "Écart versé au salarié"]
    : ["scenario", "employerCost", "stateCost", "employeeAllocations", ...COUNT_ORDER, "difference employerCost", "difference stateCost", "difference employeeAllocations"];
  totals.addRow(th).font = { bold: true };
  const line = (name: string, t: Totals, c: Counts, diff?: Totals) => [
    safeCell(name),
    money(t.employerCost),
    money(t.stateCost),
    money(t.employeeAllocations),
    ...COUNT_ORDER.map((k) => c[k]),
    ...(diff ? [money(diff.employerCost), money(diff.stateCost), money(diff.employeeAllocations)] : []),
  ];
  totals.addRow(line(fr ? "Plan tel que saisi" : "Plan as given", s.totals, s.counts));
  for (const sc of s.scenarios ?? []) totals.addRow(line(sc.name, sc.totals, sc.counts, sc.difference));
  totals.addRow([]);
  totals.addRow([fr ? `Montants en ${s.currency}, date ${s.date}, règles ${s.rulesVersion}` : `Amounts in ${s.currency}, date ${s.date}, rules ${s.rulesVersion}`]);
  for (const n of COST_NOTES[lang]) totals.addRow([n]);

  const taken = new Set([results.name.toLowerCase(), totals.name.toLowerCase()]);
  (s.scenarios ?? []).forEach((sc, j) => {
    const ws = wb.addWorksheet(sheetName(sc.name, taken));
    ws.addRow(fr ? ["Salarié", "Ligne", "Aide", "Statut", "Coût employeur"] : ["id", "line", "aid", "status", "employerCost"]).font = { bold: true };
    for (const r of rows) {
      const x = r.scenarios[j]!;
      ws.addRow([safeCell(r.id), r.line ?? "", r.aid, statusLabel(x.status, lang), money(x.employerCost)]);
    }
    ws.addRow([fr ? "TOTAL" : "TOTAL", "", "", countsText(sc.counts, lang), money(sc.totals.employerCost)]);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
