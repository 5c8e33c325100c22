/**
 * CSV dialects (CONTRACT.md "Plan files"): `,` with decimal points, `;` with decimal commas and optional thousands
 * spaces (what French Excel writes), tab with decimal points. The dialect is read from the header line only, and
 * the output follows it: French in, French out.
 */
export type Separator = "," | ";" | "\t";

export interface Dialect {
  separator: Separator;
  decimal: "." | ",";
  /** Headers and status labels of CSV and xlsx output: code names ("en") or French labels ("fr"). */
  lang: "fr" | "en";
}

export const ENGLISH: Dialect = { separator: ",", decimal: ".", lang: "en" };
export const FRENCH: Dialect = { separator: ";", decimal: ",", lang: "fr" };
export const TAB: Dialect = { separator: "\t", decimal: ".", lang: "en" };

/** The separator that occurs most often outside quotes in the header line (`,` when none does). */
export function detectDialect(text: string): Dialect {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return FRENCH;
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return TAB;
  return ENGLISH;
}

/** Spaces French spreadsheets put between thousands: space, no-break space, narrow no-break space. */
const THOUSANDS = /(?<=\d)[ \u00a0\u202f](?=\d{3}(?:\D|$))/g;

export type Converted = { ok: true; value: string } | { ok: false; message: string };

/**
 * A number as the file's dialect writes it → a decimal string with a point. A separator of the other dialect is
 * refused rather than guessed: in a `,` file "2,500" may be two thousand five hundred, in a `;` file "2.500" too.
 */
export function decimalIn(raw: string, d: Dialect): Converted {
  if (d.decimal === ",") {
    const v = raw.replace(THOUSANDS, "");
    if (/^-?\d+(,\d+)?$/.test(v)) return { ok: true, value: v.replace(",", ".") };
    if (/^-?\d+\.\d+$/.test(v)) return { ok: false, message: `"${raw}": in a ';' file decimals take a comma, e.g. 2500,50` };
    return { ok: false, message: `"${raw}" is not a number` };
  }
  if (/^-?\d+(\.\d+)?$/.test(raw)) return { ok: true, value: raw };
  if (/^-?\d+,\d+$/.test(raw)) return { ok: false, message: `"${raw}": decimals take a point in this file (only ';' files take commas), e.g. 2500.50` };
  return { ok: false, message: `"${raw}" is not a number` };
}

/** A decimal string with a point → the dialect's way of writing it (the amounts of the output). */
export const decimalOut = (v: string, d: Dialect) => (d.decimal === "," ? v.replace(".", ",") : v);
