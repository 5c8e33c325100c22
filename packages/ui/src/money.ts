/** Money as a caseworker reads it: grouped digits, the result's currency, and the euro equivalent of francs. */
import Decimal from "decimal.js";
import type { Lang } from "./i18n.ts";

/** 1 EUR = 6.55957 FRF, fixed (Council Regulation 2866/98; DOMAIN.md). */
const FRF_PER_EUR = new Decimal("6.55957");

/** A decimal string ("2366.00", "-13708.5") written for `lang`: "2 366,00" or "2,366.00"; never through a float. */
export function formatDecimal(value: string, lang: Lang): string {
  const [sign, int, frac] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value)?.slice(1) ?? [];
  if (int === undefined) return value;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "fr" ? "\u202f" : ",");
  return `${sign === "-" ? "−" : ""}${grouped}${frac ? (lang === "fr" ? "," : ".") + frac : ""}`;
}

/** A French agent writes "F" after francs; an English reader expects "FRF" (as the engine's English working writes). */
const SYMBOL = { fr: { FRF: "F", EUR: "€" }, en: { FRF: "FRF", EUR: "€" } } as const;
export type Currency = "FRF" | "EUR";

export const currencySymbol = (currency: Currency, lang: Lang) => SYMBOL[lang][currency];

/** "2 366,00 F" / "2,366.00 FRF" / "2,366.00 €". */
export const formatMoney = (value: string, currency: Currency, lang: Lang) => `${formatDecimal(value, lang)}\u00a0${currencySymbol(currency, lang)}`;

/** The euro value of a franc amount, rounded half-up to the cent. */
export const francsToEuros = (frf: string): string => new Decimal(frf).div(FRF_PER_EUR).toFixed(2, Decimal.ROUND_HALF_UP);

/** The amount in its currency, and for francs its euro equivalent: "2 366,00 F (360,69 €)". */
export function formatWithEuro(value: string, currency: Currency, lang: Lang): { main: string; euro?: string } {
  const main = formatMoney(value, currency, lang);
  return currency === "FRF" ? { main, euro: formatMoney(francsToEuros(value), "EUR", lang) } : { main };
}
