/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC, without a clock. */

const parts = (iso: string) => [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))] as const;
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Full years between two dates (age on `at` of someone born on `from`). */
export function fullYears(from: string, at: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(at);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/** Add years and months; a day missing from the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(from: string, months: number): string {
  const [y, m, d] = parts(from);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return iso(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Add days. */
export function addDays(from: string, days: number): string {
  const [y, m, d] = parts(from);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
