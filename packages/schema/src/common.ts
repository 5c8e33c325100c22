import { z } from "zod";

/** A calendar date written YYYY-MM-DD that exists (no 2005-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

/** A decimal written as a string: "1234.5", "-0.25". */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "expected a decimal number such as \"1234.50\"");

/** Money in a result: exactly two decimals. */
export const Money = z.string().regex(/^-?\d+\.\d{2}$/, "expected an amount with exactly two decimals");

export const Currency = z.enum(["FRF", "EUR"]);
export type Currency = z.infer<typeof Currency>;

/** A text in French, with the English translation. */
export const Text = z.object({ fr: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof Text>;

export const Lang = z.enum(["fr", "en"]);
export type Lang = z.infer<typeof Lang>;
