/**
 * The header checked once, and each record turned into a plan employee by the facts' types in the file's dialect.
 * A record that cannot be read is that row's own error, with its line; the header's errors stop the plan.
 */
import type { Runtime } from "@fne/engine";
import type { ErrorIssue, FactDef } from "@fne/schema";
import { decimalIn, type Dialect } from "./dialect.ts";

/** The columns that are not facts. */
const ROW_COLUMNS = ["id", "aid"];

/** Levenshtein distance, for "did you mean" on a misspelt column. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Known names close to `name` (case aside, or a few letters apart), closest first. */
export function closeNames(name: string, known: string[], max = 3): string[] {
  const l = name.toLowerCase();
  return known
    .map((k) => ({ k, d: k.toLowerCase() === l ? 0 : distance(l, k.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(x.k.length / 3)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map((x) => x.k);
}

/** The header's problems, all on path "header": an unnamed, repeated or unknown column. */
export function checkHeader(rt: Runtime, header: string[]): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const known = [...ROW_COLUMNS, ...Object.keys(rt.allFacts)];
  const seen = new Set<string>();
  header.forEach((h, j) => {
    if (h === "") issues.push({ path: "header", message: `column ${j + 1} has no name` });
    else if (seen.has(h)) issues.push({ path: "header", message: `column "${h}" appears twice` });
    else if (!ROW_COLUMNS.includes(h) && !Object.hasOwn(rt.allFacts, h)) {
      const near = closeNames(h, known);
      issues.push({
        path: "header",
        message: `unknown column "${h}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : "; columns are id, aid and the facts of the aids (GET /v1/aids)"}`,
      });
    }
    seen.add(h);
  });
  return issues;
}

const TRUE = new Set(["true", "oui", "vrai", "1", "yes", "o", "y"]);
const FALSE = new Set(["false", "non", "faux", "0", "no", "n"]);

type Cell = { ok: true; value: unknown } | { ok: false; message: string };

/** A cell as its fact's type; empty means absent. */
function cellValue(def: FactDef, raw: string, d: Dialect): Cell {
  switch (def.type) {
    case "boolean": {
      const l = raw.toLowerCase();
      if (TRUE.has(l)) return { ok: true, value: true };
      if (FALSE.has(l)) return { ok: true, value: false };
      return { ok: false, message: `"${raw}": expected oui/non (or true/false, 1/0)` };
    }
    case "money":
    case "number": {
      const n = decimalIn(raw, d);
      if (!n.ok) return n;
      return { ok: true, value: def.type === "number" ? Number(n.value) : n.value };
    }
    case "date": {
      if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { ok: true, value: raw };
      const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
      if (fr && d.decimal === ",") return { ok: true, value: `${fr[3]}-${fr[2]!.padStart(2, "0")}-${fr[1]!.padStart(2, "0")}` };
      return { ok: false, message: `"${raw}": expected a date YYYY-MM-DD (or DD/MM/YYYY in a ';' file)` };
    }
    default:
      return { ok: true, value: raw };
  }
}

export type RowEmployee = { ok: true; employee: { id: string; aid?: string; facts: Record<string, unknown> } } | { ok: false; id: string; issues: ErrorIssue[] };

/**
 * Reads records of one file: the header's columns resolved once. `index` is the row's position in the plan
 * (its error paths say employees.<index>), the line is kept beside it by the caller.
 */
export class RowReader {
  private readonly defs: Array<FactDef | undefined>;
  private readonly idAt: number;
  private readonly aidAt: number;
  constructor(
    rt: Runtime,
    readonly header: string[],
    readonly dialect: Dialect,
  ) {
    this.defs = header.map((h) => (Object.hasOwn(rt.allFacts, h) ? rt.allFacts[h] : undefined));
    this.idAt = header.indexOf("id");
    this.aidAt = header.indexOf("aid");
  }

  read(cells: string[], index: number): RowEmployee {
    const id = (this.idAt >= 0 ? cells[this.idAt]?.trim() : "") || `#${index + 1}`;
    if (cells.length !== this.header.length) {
      const message = `this row has ${cells.length} cells, the header has ${this.header.length}: a separator too many or too few`;
      return { ok: false, id, issues: [{ path: `employees.${index}`, message }] };
    }
    const aid = this.aidAt >= 0 ? cells[this.aidAt]!.trim() : "";
    const facts: Record<string, unknown> = {};
    let issues: ErrorIssue[] | undefined;
    for (let j = 0; j < cells.length; j++) {
      const def = this.defs[j];
      if (!def) continue;
      const raw = cells[j]!.trim();
      if (raw === "") continue;
      const c = cellValue(def, raw, this.dialect);
      if (c.ok) facts[this.header[j]!] = c.value;
      else (issues ??= []).push({ path: `employees.${index}.facts.${this.header[j]}`, message: c.message });
    }
    if (issues) return { ok: false, id, issues };
    return { ok: true, employee: aid ? { id, aid, facts } : { id, facts } };
  }
}
