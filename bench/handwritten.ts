/**
 * The same rules written by hand in TypeScript, as the yardstick of the compiled engine: each function takes
 * the validated facts and the date, computes the same intermediate values and answers eligible or not.
 * (Figures below are the rule files' constants, repeated here on purpose: this is the independent version.)
 */
import { D, getRuntime, round2 } from "@fne/engine";
import { addMonths, fullYears } from "../packages/engine/src/dates.ts";
import { inCurrency, stepAt } from "../packages/engine/src/parameters.ts";

type F = Record<string, unknown>;
type Dec = InstanceType<typeof D>;
const NINETY = new D("0.90");
const SEVENTY_FIVE = new D("0.75");
const FOUR_FIFTHS = new D("0.8");
const rt = getRuntime();
const param = (id: string, date: string) => inCurrency(stepAt(rt.parameters.get(id)!, date)!, date < "2002-01-01" ? "FRF" : "EUR");
const SHORT_LIST = new Set(["decentralisation", "restructuring_transfer", "farmer_mutation"]);

export const eligible: Record<string, (f: F, date: string) => boolean> = {
  /** R322-6 al. 1. */
  atd: (f) => f.collectiveLayoff === true && f.trainingPossible === false && (f.newHourlyWage as Dec).lt((f.priorHourlyWage as Dec).times(NINETY)),
  /** R322-7, arrêté of 15 Sept 1987. */
  asfne: (f, date) => {
    const age = fullYears(f.birthDate as string, date);
    return (
      (f.economicLayoff === true || f.voluntaryStopHiresJobSeeker === true) &&
      f.declaredNotReclassable === true &&
      (age >= 57 || (f.ageDerogation === true && age >= 56)) &&
      (f.yearsSocialSecurity as number) >= 10 &&
      (f.yearsInCompany as number) >= 1
    );
  },
  /** Loi 2003-775 art. 18 I; older L322-4 3°. */
  prp: (f) => (f.conventionDate as string) < "2005-01-01" && (f.newWeeklyHours as number) < (f.priorWeeklyHours as number) && (f.newWeeklyHours as number) > 0,
  /** L322-4 4°. */
  conversion: (f) => (f.leaveMonths as number) >= 4 && (f.leaveMonths as number) <= 10,
  /** L322-4 5°, R322-7-1. */
  temps_partiel: (f, date) => {
    const large = param("duree_legale_hebdomadaire", date);
    const small = param("duree_legale_hebdomadaire_20_salaries_ou_moins", date);
    const legal = large.eq(small) || (f.companyHeadcount as number) > 20 ? large : small;
    return (
      f.agreement === true &&
      f.avoidsEconomicLayoffs === true &&
      legal.lte(f.priorWeeklyHours as number) &&
      legal.times(FOUR_FIFTHS).gte(f.newWeeklyHours as number) &&
      (f.newWeeklyHours as number) > 0
    );
  },
  /** L321-4-2 I. */
  crp: (f) => (f.companyHeadcount as number) < 1000 && f.economicDismissal === true,
  /** R322-11 … R322-13. */
  mobility_transfer: (f) => {
    const short = SHORT_LIST.has(f.category as string);
    return (
      f.category !== "farmer_mutation" &&
      (short || f.registeredOrCollectiveLayoff === true) &&
      (short || f.trainingFollowedOrExempted === true) &&
      (short || f.leavesUnderEmploymentRegion === true) &&
      (short || f.toLabourShortageRegion === true) &&
      (short || f.jobMatchesQualification === true)
    );
  },
  /** R322-17. */
  double_residence: (f) => f.registeredJobSeeker === true && f.hasFamilyCharge === true && f.cannotMoveHouseholdSoon === true && f.newJobRequiresMove === true,
  /** R322-18. */
  training_lodging: (f) => f.registeredJobSeeker === true && f.paidTraining === true && f.centreLodgesFree === false && f.tooFarToReturnDaily === true,
  /** R322-27 … R322-32. */
  youth_mobility: (f) => {
    const start = f.jobStartDate as string;
    const app = f.applicationDate as string;
    return (
      start < addMonths(f.birthDate as string, 26 * 12 + (f.nationalServiceMonths as number)) &&
      f.fullTime === true &&
      (f.contract === "cdi" || (f.contract === "cdd" && (f.cddMonths as number) >= 6)) &&
      (f.distanceKm as number) >= 30 &&
      start >= (f.startPointDate as string) &&
      start <= addMonths(f.startPointDate as string, 12) &&
      app >= start &&
      app <= addMonths(start, 6)
    );
  },
};

/** R322-6 al. 3: the amounts of atd, for the full-evaluation comparison. */
export function atdAmounts(f: F) {
  if (!eligible.atd!(f, "")) return undefined;
  const prior = f.priorHourlyWage as Dec;
  const wage = f.newHourlyWage as Dec;
  const hours = new D(f.newMonthlyHours as number);
  const m = (r: Dec) => {
    const x = prior.times(r).minus(wage).times(hours);
    return round2(x.isNegative() ? new D(0) : x);
  };
  const a = m(NINETY);
  const b = m(SEVENTY_FIVE);
  return { monthlyFirst6: a.toFixed(2), monthlyNext6: b.toFixed(2), total: a.times(6).plus(b.times(6)).toFixed(2) };
}
