/**
 * What the calculator knows, as the engine's catalog returns it and the API serves it:
 * the aids (GET /v1/aids), an article at a date (GET /v1/articles/:id), a parameter at a date (GET /v1/parameters/:id).
 */
import { z } from "zod";
import { Currency, IsoDate } from "./common.ts";
import { AidFile, ArticleFile, ArticleVersion } from "./rules.ts";

export const AidDescription = z.object({
  id: z.string(),
  title: AidFile.shape.title,
  description: AidFile.shape.description,
  facts: AidFile.shape.facts,
  amounts: AidFile.shape.amounts,
  versions: z.array(
    z.object({
      id: z.string(),
      validFrom: IsoDate.nullable(),
      validTo: IsoDate.nullable(),
      legalBasis: z.array(z.string()),
      successor: z.object({ articles: z.array(z.string()), from: IsoDate }).optional(),
    }),
  ),
});
export type AidDescription = z.infer<typeof AidDescription>;

export const ArticleAtDate = z.object({
  id: z.string(),
  title: z.string(),
  date: IsoDate,
  /** The version in force at the date, or null (then `versions` shows what exists). */
  version: ArticleVersion.nullable(),
  versions: z.array(z.object({ from: IsoDate.nullable(), to: IsoDate.nullable() })),
  successor: ArticleFile.shape.successor.unwrap().nullable(),
});
export type ArticleAtDate = z.infer<typeof ArticleAtDate>;

export const ParameterAtDate = z.object({
  id: z.string(),
  description: z.string(),
  unit: z.string(),
  source: z.string(),
  date: IsoDate,
  /** In the currency of the date (FRF before 2002, EUR after) for money; null when unknown at that date. */
  value: z.string().nullable(),
  currency: Currency.nullable(),
  from: IsoDate.nullable(),
  reference: z.string().nullable(),
});
export type ParameterAtDate = z.infer<typeof ParameterAtDate>;
