/**
 * Shapes of the files in rules/: the law as data. Every file is validated with these at load,
 * so a malformed rule fails fast, naming the file and the field.
 */
import { z } from "zod";
import { DecimalString, IsoDate, Text } from "./common.ts";

/** Where a condition, a constant or an interpretation comes from. */
export const CitationRef = z.strictObject({
  article: z.string().min(1),
  paragraph: z.number().int().positive().optional(),
  point: z.string().optional(),
  /** Cite the wording in force at this date instead of the case date (when our sources lack the wording in force). */
  asOf: IsoDate.optional(),
});
export type CitationRef = z.infer<typeof CitationRef>;

// ---- facts an aid asks for --------------------------------------------------------------------
const FactBase = {
  label: Text,
  help: Text.optional(),
  /** Absent facts normally leave a case undetermined; an optional one has a documented default meaning. */
  optional: z.boolean().optional(),
};
export const FactDef = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("boolean"), ...FactBase }),
  z.strictObject({ type: z.literal("money"), ...FactBase }),
  z.strictObject({
    type: z.literal("number"),
    ...FactBase,
    integer: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("date"), ...FactBase }),
  z.strictObject({ type: z.literal("enum"), ...FactBase, values: z.array(z.string()).min(1), valueLabels: z.record(z.string(), Text).optional() }),
  z.strictObject({ type: z.literal("string"), ...FactBase, pattern: z.string().optional() }),
]);
export type FactDef = z.infer<typeof FactDef>;

export const AmountDef = z.strictObject({
  type: z.enum(["money", "number", "date", "boolean", "string"]),
  label: Text,
});
export type AmountDef = z.infer<typeof AmountDef>;

/** rules/<aid>/aid.json: what the aid is, the facts it asks, the amounts it answers. */
export const AidFile = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  title: Text,
  description: Text,
  facts: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), FactDef),
  amounts: z.record(z.string(), AmountDef),
  /** Further figures beyond the contract's amounts (Result.details), e.g. the notice paid on refusal. */
  details: z.record(z.string(), AmountDef).optional(),
});
export type AidFile = z.infer<typeof AidFile>;

// ---- conditions: json-rules-engine syntax ------------------------------------------------------
export const Operator = z.enum([
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
]);
export type Operator = z.infer<typeof Operator>;

export const FactRef = z.strictObject({ fact: z.string().min(1) });
export const Leaf = z.strictObject({
  fact: z.string().min(1),
  operator: Operator,
  value: z.union([z.boolean(), z.number(), z.string(), z.array(z.union([z.string(), z.number()])), FactRef]),
});
export type Leaf = z.infer<typeof Leaf>;
export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    Leaf,
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

/** One condition of an aid, as the caseworker reads it. */
export const RuleCondition = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z0-9-]+$/),
  text: Text,
  citation: CitationRef,
  when: Condition,
  /** Outcome when it fails: most make the person ineligible. */
  interpretation: Text.optional(),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

/** What a constant counts, for printing it in the working: money in the currency of its value, a date, a count. */
export const ConstantUnit = z.enum(["money", "hour", "day", "week", "month", "year", "km", "employee", "date"]);

/** One value of a constant, from a date on (of the case, or of the fact the constant is keyed on), with its source. */
export const ConstantValue = z
  .strictObject({
    /** First day of this value; null: from the start of the rule version (or of any value of the key fact). */
    from: IsoDate.nullable(),
    /** A decimal string (an ISO date for a constant of unit `date`); null when our sources do not give it. */
    value: z.union([DecimalString, IsoDate]).nullable(),
    /** For money: the currency the value is written in (converted to the case's). */
    currency: z.enum(["FRF", "EUR"]).optional(),
    /** What this value says, when it differs from the constant's text. */
    text: Text.optional(),
    citation: CitationRef,
    /** With a null value: what would fix it (an arrêté, an article wording), listed in `missing`. */
    missing: z.array(z.string().min(1)).optional(),
    /** With a null value: why the amount it enters is not determined. */
    note: Text.optional(),
  })
  .refine((x) => x.value !== null || (x.missing !== undefined && x.note !== undefined), "a value not in our sources needs `missing` and `note`");
export type ConstantValue = z.infer<typeof ConstantValue>;

/** A legal figure of a rule version: its dated values, each with its citation (OpenFisca's parameters). */
export const Constant = z
  .strictObject({
    text: Text,
    unit: ConstantUnit.optional(),
    /** The date fact whose value picks the value (the convention date), instead of the case date. */
    by: z.string().optional(),
    values: z.array(ConstantValue).min(1),
  })
  .superRefine((k, ctx) => {
    k.values.forEach((x, i) => {
      if (i > 0 && (x.from === null || x.from <= (k.values[i - 1]!.from ?? ""))) ctx.addIssue({ code: "custom", path: ["values", i, "from"], message: "values must be in order of their dates, only the first without one" });
      const date = x.value !== null && /^\d{4}-/.test(x.value);
      if (x.value !== null && date !== (k.unit === "date")) ctx.addIssue({ code: "custom", path: ["values", i, "value"], message: k.unit === "date" ? "expected a date YYYY-MM-DD" : "expected a decimal number" });
      if ((x.currency !== undefined) !== (k.unit === "money" && x.value !== null)) ctx.addIssue({ code: "custom", path: ["values", i, "currency"], message: "money values, and only they, state their currency" });
    });
  });
export type Constant = z.infer<typeof Constant>;

/** A choice the texts leave open, printed with every Result of the case dates it covers (`from`, `to`: inclusive). */
export const Interpretation = z.strictObject({ text: Text, citation: CitationRef.optional(), from: IsoDate.optional(), to: IsoDate.optional() });

export const Authority = z.strictObject({
  /** Who decides, as printed: "préfet", "ministre chargé du travail", … */
  who: z.string().min(1),
  text: Text,
  citation: CitationRef,
  /**
   * Who decides when a fact names it more precisely: by the fact's value (`values`: R322-1-1, the convention's scope
   * decides between the préfet and the minister), or in a template (`{value}`: R322-31, the préfet of the workplace's
   * département). Without the fact, `who`.
   */
  byFact: z
    .strictObject({ fact: z.string().min(1), values: z.record(z.string(), z.string().min(1)).optional(), template: z.string().includes("{value}").optional() })
    .refine((b) => (b.values === undefined) !== (b.template === undefined), "either `values` or `template`")
    .optional(),
});
export type Authority = z.infer<typeof Authority>;

/** rules/<aid>/<version>.json: one version of an aid, as one article version states it. */
export const RuleVersionFile = z.strictObject({
  aid: z.string(),
  id: z.string().min(1),
  validFrom: IsoDate.nullable(),
  validTo: IsoDate.nullable(),
  validityNote: Text.optional(),
  legalBasis: z.array(CitationRef).min(1),
  successor: z.strictObject({ articles: z.array(z.string()), from: IsoDate, text: Text }).optional(),
  authority: Authority.optional(),
  conditions: z.array(RuleCondition),
  constants: z.record(z.string(), Constant).default({}),
  interpretations: z.array(Interpretation).default([]),
  /** The formula (rules/<aid>/formula.ts, registered in rules/aids.ts) that computes the amounts; it declares the facts, constants and parameters it reads. */
  formula: z.string().min(1),
});
export type RuleVersionFile = z.infer<typeof RuleVersionFile>;

// ---- parameters: dated series copied from shared/data ---------------------------------------
export const ParameterValue = z.looseObject({
  from: IsoDate,
  value: DecimalString,
  currency: z.enum(["FRF", "EUR", "AF"]).nullable(),
  reference: z.string().nullable(),
  note: z.string().optional(),
  known_valid_until: IsoDate.optional(),
  valid_until: IsoDate.optional(),
});
export type ParameterValue = z.infer<typeof ParameterValue>;
export const ParameterFile = z.looseObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  description: z.string(),
  unit: z.string(),
  source: z.string(),
  values: z.array(ParameterValue).min(1),
});
export type ParameterFile = z.infer<typeof ParameterFile>;

// ---- articles: the texts, by version -----------------------------------------------------------
export const ArticleVersion = z.strictObject({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  /** The text as paragraphs (alinéas), verbatim; null when the text is not in our sources. */
  paragraphs: z.array(z.string()).nullable(),
  source: z.string(),
  note: z.string().optional(),
});
export type ArticleVersion = z.infer<typeof ArticleVersion>;
export const ArticleFile = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  versions: z.array(ArticleVersion).min(1),
  successor: z.strictObject({ articles: z.array(z.string()), from: IsoDate, note: z.string() }).optional(),
});
export type ArticleFile = z.infer<typeof ArticleFile>;
