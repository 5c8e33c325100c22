import Decimal from "decimal.js";

/**
 * Decimal for every amount, half-up (DOMAIN.md: round each payment to the cent, half-up). 24 significant digits
 * keep 8 decimals on amounts up to 10^15 — far beyond any payment — and make a division 3× cheaper than 40.
 */
export const D = Decimal.clone({ precision: 24, rounding: Decimal.ROUND_HALF_UP });
export type D = InstanceType<typeof D>;

export const ZERO = new D(0);

/** 1 EUR = 6.55957 FRF, fixed (Council Regulation 2866/98). */
export const FRF_PER_EUR = new D("6.55957");

/** Round one payment to the cent, half-up. */
export const round2 = (d: D): D => d.toDecimalPlaces(2, D.ROUND_HALF_UP);

/**
 * A money amount as the contract prints it: exactly two decimals. An amount already to the cent (every payment is
 * rounded) is printed from its own digits: toFixed copies and re-rounds it first, which took 13 % of a 100,000-row
 * plan's time (packages/engine/test/decimal.test.ts: the same text as toFixed). Below 10^15 toString never uses an
 * exponent; zero is printed without its sign, as toFixed does.
 */
export function money(d: D): string {
  if (d.e < 15 && d.decimalPlaces() <= 2) {
    if (d.isZero()) return "0.00";
    const s = d.toString();
    const dot = s.indexOf(".");
    return dot < 0 ? `${s}.00` : dot === s.length - 2 ? `${s}0` : s;
  }
  return d.toFixed(2, D.ROUND_HALF_UP);
}

export const isDecimal = (x: unknown): x is D => x instanceof D;

export const max = (a: D, b: D): D => (a.gte(b) ? a : b);
export const min = (a: D, b: D): D => (a.lte(b) ? a : b);

/** Currency of an event date: francs before 2002-01-01, euros from then. */
export const currencyAt = (date: string): "FRF" | "EUR" => (date < "2002-01-01" ? "FRF" : "EUR");
