/** The amount formulas, by the name a rule version gives in `formula`. */
import type { Formula } from "../formula.ts";
import { aides_individuelles } from "./aides_individuelles.ts";
import { asfne } from "./asfne.ts";
import { atd } from "./atd.ts";
import { conversion } from "./conversion.ts";
import { crp } from "./crp.ts";
import {
  double_residence,
  job_search_indemnity,
  mobility_transfer,
  mobility_transfer_l322_3,
  relocation,
  training_lodging,
  transport_voucher,
  youth_mobility,
} from "./mobility.ts";
import { prp } from "./prp.ts";
import { temps_partiel } from "./temps_partiel.ts";

export const formulas: Record<string, Formula> = {
  atd,
  asfne,
  prp,
  conversion,
  temps_partiel,
  aides_individuelles,
  crp,
  mobility_transfer,
  mobility_transfer_l322_3,
  double_residence,
  training_lodging,
  job_search_indemnity,
  transport_voucher,
  relocation,
  youth_mobility,
};
