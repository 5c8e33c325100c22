/**
 * The working of one amount (CONTRACT.md `working`), as the engine computed it: the formula in words with its
 * numbers, then each step it used — a fact as entered, a constant of the law with its citation (it opens the article
 * at that version and alinéa), a dated parameter with the date of its value, an intermediate result with its own
 * formula. An amount used by another (the total uses the monthly amounts) is not worked out twice.
 */
import { useId, useState, type ReactNode } from "react";
import type { AidDescription, Result, WorkingStep } from "@fne/schema";
import { formatDate } from "./dates.ts";
import { fill, tr, type Lang } from "./i18n.ts";
import { currencySymbol, formatDecimal } from "./money.ts";
import { CiteButton, type OnCite } from "./CiteButton.tsx";
import { citationLabel, plainText, quantity, type EngineNames } from "./words.ts";

export interface WorkingProps {
  step: WorkingStep;
  result: Result;
  aid: AidDescription | undefined;
  aids: readonly AidDescription[];
  names?: EngineNames | undefined;
  lang: Lang;
  /** Absent on the printed sheet: the citations are plain text there. */
  onCite?: OnCite | undefined;
}

/** At most four decimals on screen, as the engine's formulas write an inexact quotient ("82.1917…"). */
function shortDecimal(value: string, lang: Lang): string {
  const m = /^(-?\d+)\.(\d{5,})$/.exec(value);
  return m ? `${formatDecimal(`${m[1]}.${m[2]!.slice(0, 4)}`, lang)}…` : formatDecimal(value, lang);
}

/** A step's value in the caseworker's units: money in its currency, a date in words, a count with its unit. */
export function stepValue(s: Pick<WorkingStep, "value" | "unit">, lang: Lang): string {
  const v = s.value;
  if (typeof v === "boolean") return tr(lang, v ? "yes" : "no");
  const text = String(v);
  if (s.unit === "date") return formatDate(text, lang);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const number = shortDecimal(text, lang);
  if (s.unit === "FRF" || s.unit === "EUR") return `${number}\u00a0${currencySymbol(s.unit, lang)}`;
  return s.unit ? quantity(number, Number(text), s.unit, lang) : number;
}

export function Working({ step, result, aid, aids, names, lang, onCite }: WorkingProps) {
  const plain = (t: string) => plainText(t, lang, { aids, aid, names });
  return (
    <div className="fne-working-body">
      {step.formula && <p className="fne-formula">{plain(step.formula)}</p>}
      {step.steps && <Steps steps={step.steps} result={result} plain={plain} lang={lang} onCite={onCite} />}
    </div>
  );
}

function Steps({ steps, result, plain, lang, onCite }: { steps: WorkingStep[]; result: Result; plain: (t: string) => string; lang: Lang; onCite?: OnCite | undefined }) {
  const colon = lang === "fr" ? "\u00a0: " : ": ";
  return (
    <ul className="fne-steps">
      {steps.map((s, i) => {
        // Another amount of this Result (the total's monthly amounts): its working is on its own line.
        const amount = Object.hasOwn(result.amounts, s.name);
        const reference = s.parameter && result.parameters?.find((p) => p.id === s.parameter!.id);
        return (
          <li key={`${s.name}-${i}`} data-step={s.name}>
            <span className="fne-step-label">{plain(s.label)}</span>
            {colon}
            <strong className="fne-step-value">{stepValue(s, lang)}</strong>
            {s.citation && " "}
            {s.citation && (onCite ? <CiteButton citation={s.citation} lang={lang} onCite={onCite} /> : <cite className="fne-cite-text">{citationLabel(s.citation, lang)}</cite>)}
            {s.parameter && (
              <span className="fne-step-note">
                {" — "}
                {reference?.overridden
                  ? tr(lang, "valueEntered")
                  : [s.parameter.from && fill(lang, "valueSince", { date: formatDate(s.parameter.from, lang) }), reference?.reference && plain(reference.reference)].filter(Boolean).join(", ")}
              </span>
            )}
            {amount ? (
              <span className="fne-step-note"> ({tr(lang, "workingAbove")})</span>
            ) : (
              <>
                {s.formula && <p className="fne-formula">{plain(s.formula)}</p>}
                {s.steps && <Steps steps={s.steps} result={result} plain={plain} lang={lang} onCite={onCite} />}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The working, folded under its amount: the design system's accordion (a button that says whether it is open, the
 * part it opens), opened by React rather than by the design system's script; the widget styles it its own way.
 */
export function WorkingFold({ lang, children }: { lang: Lang; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section className="fne-working fr-accordion">
      <p className="fr-accordion__title">
        <button type="button" className="fne-working-toggle fr-accordion__btn" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          {tr(lang, "working")}
        </button>
      </p>
      <div id={id} className={`fr-collapse${open ? " fr-collapse--expanded" : ""}`} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
