import { z } from "zod";

/** A calendar date written YYYY-MM-DD that exists (no 2005-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date")
  .meta({ format: "date" });

/** A decimal written as a string: "1234.5", "-0.25" (rule files; what clients send is bounded: InputDecimal). */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal number such as \"1234.50\"");

/**
 * The limits of what a client may send, in one place for the API, the CLI, the web app and the widget: the engine
 * checks every fact and parameter override with the shapes below, and the web app bounds a shared link with them.
 * - 9 digits before the decimal point: a billion francs or euros is far above any wage, allocation or cost of one
 *   person, and above any count, duration or distance an aid asks; 6 after: hourly wages converted from francs to
 *   euros keep their precision (60 F = 9.146941 €). Within these the engine's 24 significant digits stay exact.
 * - Bounded names and texts, and a bounded number of facts and parameters: no input can make the server (or a page)
 *   compute or answer in proportion to thousands of digits, names or issues.
 */
export const INPUT_LIMITS = {
  integerDigits: 9,
  decimals: 6,
  /** Characters of a fact's text value (an enum, a date, a département code) and of a fact or parameter name. */
  textLength: 100,
  /** Facts in one case or plan row: every fact of every aid is under a hundred. */
  facts: 200,
  /** Parameter overrides in one case or plan. */
  parameters: 50,
  /** Fields of a case or a plan (it has five or six): a few misspelt ones are each named, thousands are one issue. */
  fields: 50,
} as const;

const { integerDigits, decimals } = INPUT_LIMITS;
/** The largest magnitude a number may have: 999,999,999.999999. */
export const MAX_MAGNITUDE = 10 ** integerDigits;
/** "at most 9 digits before the decimal point and 6 after": said in the OpenAPI document of every number. */
export const DIGITS = `at most ${integerDigits} digits before the decimal point and ${decimals} after`;
/** The error on a number past the limits (the web app translates it). */
export const DIGITS_ERROR = `too many digits: at most ${integerDigits} before the decimal point and ${decimals} after`;
const DECIMAL = /^-?\d+(\.\d+)?$/;
export const BOUNDED_DECIMAL = new RegExp(`^-?\\d{1,${integerDigits}}(\\.\\d{1,${decimals}})?$`);

/** A JS number within the limits: finite, under a billion in magnitude, at most 6 decimals (0.1 + 0.2 is not). */
export const isBoundedNumber = (n: number) => Number.isFinite(n) && Math.abs(n) < MAX_MAGNITUDE && Number(n.toFixed(decimals)) === n;

/**
 * A decimal string a client sends (a fact, a parameter override), within the limits. `typeError` says what was
 * expected of something that is not a decimal at all; a decimal past the limits gets DIGITS_ERROR. One check with
 * one message (the pattern is restated for the JSON Schema), so that a union of a number and a string reports it.
 */
export const inputDecimal = (typeError = 'expected a decimal number such as "1234.50"') =>
  z
    .string()
    .check((ctx) => {
      if (!BOUNDED_DECIMAL.test(ctx.value)) ctx.issues.push({ code: "custom", message: DECIMAL.test(ctx.value) ? DIGITS_ERROR : typeError, input: ctx.value, continue: true });
    })
    .meta({ pattern: BOUNDED_DECIMAL.source, description: `A decimal number written as a string, ${DIGITS}.` });
export const InputDecimal = inputDecimal();

/** A JS number a client sends, within the limits (the range restated for the JSON Schema; the decimals in its description). */
export const InputNumber = z
  .number()
  .refine(isBoundedNumber, DIGITS_ERROR)
  .meta({ exclusiveMinimum: -MAX_MAGNITUDE, exclusiveMaximum: MAX_MAGNITUDE, description: `A number, ${DIGITS}.` });

/**
 * A map of names a client sends (facts, parameter overrides). zod's record drops a `__proto__` key without a word;
 * here it is refused like any unknown name, and the number of entries is bounded.
 */
export function NamedMap<V extends z.ZodType>(value: V, max: number, what: string) {
  const map = z.record(z.string().max(INPUT_LIMITS.textLength, `a ${what} name has at most ${INPUT_LIMITS.textLength} characters`), value);
  // The check runs before the record; the type is the record's (a preprocess alone would type its input as unknown).
  return z.preprocess(
    (x, ctx) => {
      if (typeof x !== "object" || x === null || Array.isArray(x)) return x;
      if (Object.hasOwn(x, "__proto__")) ctx.addIssue({ code: "custom", path: ["__proto__"], message: `unknown ${what} "__proto__"`, input: x });
      const n = Object.keys(x).length;
      if (n > max) ctx.addIssue({ code: "custom", message: `${n} ${what}s: at most ${max} are accepted`, input: x, abort: true });
      return x;
    },
    map,
  ) as unknown as z.ZodType<z.output<typeof map>, z.input<typeof map>>;
}

/** A strict object a client sends (a case, a plan), refused at once with one issue past INPUT_LIMITS.fields names. */
export function InputObject<S extends z.core.$ZodLooseShape>(shape: S) {
  const object = z.strictObject(shape);
  return z.preprocess((x, ctx) => {
    const n = typeof x === "object" && x !== null && !Array.isArray(x) ? Object.keys(x).length : 0;
    if (n > INPUT_LIMITS.fields) ctx.addIssue({ code: "custom", message: `${n} fields: at most ${INPUT_LIMITS.fields} are read`, input: x, abort: true });
    return x;
  }, object) as unknown as z.ZodType<z.output<typeof object>, z.input<typeof object>>;
}

/** Money in a result: exactly two decimals. */
export const Money = z.string().regex(/^-?\d+\.\d{2}$/, "expected an amount with exactly two decimals");

export const Currency = z.enum(["FRF", "EUR"]);
export type Currency = z.infer<typeof Currency>;

/** A text in French, with the English translation. */
export const Text = z.object({ fr: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

export const Lang = z.enum(["fr", "en"]);
export type Lang = z.infer<typeof Lang>;
