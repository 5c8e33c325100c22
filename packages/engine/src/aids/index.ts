/** The amount formulas, by the name a rule version gives in `formula`. */
import type { Formula } from "../formula.ts";
import { aides_individuelles } from "./aides_individuelles.ts";
import { asfne } from "./asfne.ts";
import { atd } from "./atd.ts";
import { conversion } from "./conversion.ts";
import { crp } from "./crp.ts";
import { prp } from "./prp.ts";
import { temps_partiel } from "./temps_partiel.ts";

export const formulas: Record<string, Formula> = { atd, asfne, prp, conversion, temps_partiel, aides_individuelles, crp };
