/** Dates as a French agent writes them: "1er avril 1990", "2 avril 1990 à 9 h 05"; in English "2 April 1990, 09:05". */
import type { Lang } from "./i18n.ts";

const MONTHS: Record<Lang, string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

const day = (d: number, lang: Lang) => (lang === "fr" && d === 1 ? "1er" : String(d));

/** A calendar date "YYYY-MM-DD" (or the local day of a timestamp) in words. */
export function formatDate(value: string, lang: Lang): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = plain ? [Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])] : local(value);
  if (Number.isNaN(y) || MONTHS[lang][m] === undefined) return value;
  return `${day(d, lang)} ${MONTHS[lang][m]} ${y}`;
}

function local(iso: string): [number, number, number] {
  const t = new Date(iso);
  return [t.getFullYear(), t.getMonth(), t.getDate()];
}

/** A timestamp in the reader's time zone, to the minute. */
export function formatDateTime(iso: string, lang: Lang): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const mm = String(t.getMinutes()).padStart(2, "0");
  return lang === "fr" ? `${formatDate(iso, lang)} à ${t.getHours()} h ${mm}` : `${formatDate(iso, lang)}, ${String(t.getHours()).padStart(2, "0")}:${mm}`;
}
