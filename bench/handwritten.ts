/** The same rules written by hand in TypeScript, as the yardstick of the compiled engine. */
import { D, round2 } from "@fne/engine";

type F = Record<string, unknown>;
const NINETY = new D("0.90");
const SEVENTY_FIVE = new D("0.75");

export const handwritten = {
  /** R322-6 al. 1. */
  atdEligible(f: F): boolean {
    const prior = f.priorHourlyWage as InstanceType<typeof D>;
    const wage = f.newHourlyWage as InstanceType<typeof D>;
    return f.collectiveLayoff === true && f.trainingPossible === false && wage.lt(prior.times(NINETY));
  },
  /** R322-6 al. 3. */
  atd(f: F) {
    if (!handwritten.atdEligible(f)) return undefined;
    const prior = f.priorHourlyWage as InstanceType<typeof D>;
    const wage = f.newHourlyWage as InstanceType<typeof D>;
    const hours = new D(f.newMonthlyHours as number);
    const m = (r: InstanceType<typeof D>) => {
      const x = prior.times(r).minus(wage).times(hours);
      return round2(x.isNegative() ? new D(0) : x);
    };
    const a = m(NINETY);
    const b = m(SEVENTY_FIVE);
    return { monthlyFirst6: a.toFixed(2), monthlyNext6: b.toFixed(2), total: a.times(6).plus(b.times(6)).toFixed(2) };
  },
};
