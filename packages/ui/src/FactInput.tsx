/** One fact of an aid as a labelled form field: the control its type calls for, its help and its error in place. */
import type { FactDef } from "@fne/schema";
import { fill, pick, tr, type Lang } from "./i18n.ts";
import { currencySymbol, formatDecimal, type Currency } from "./money.ts";
import { unitWord } from "./words.ts";

export interface FactInputProps {
  id: string;
  name: string;
  def: FactDef;
  value: string;
  error?: string | undefined;
  lang: Lang;
  currency: Currency | undefined;
  onChange: (name: string, value: string) => void;
  /** The rules' texts in the caseworker's words (a help naming choices by their labels, not their codes). */
  plain?: ((text: string) => string) | undefined;
}

/** "Valeur de 0 à 1 000, nombre entier." */
function bounds(def: FactDef, lang: Lang): string | undefined {
  if (def.type !== "number" || (def.min === undefined && def.max === undefined)) return undefined;
  const min = def.min === undefined ? "" : formatDecimal(String(def.min), lang);
  const max = def.max === undefined ? "" : formatDecimal(String(def.max), lang);
  const range = fill(lang, min && max ? "between" : min ? "atLeast" : "atMost", { min, max });
  return `${fill(lang, "valueRange", { range })}${def.integer ? `, ${tr(lang, "wholeNumber")}` : ""}.`;
}

export function FactInput({ id, name, def, value, error, lang, currency, onChange, plain = (t) => t }: FactInputProps) {
  const help = [plain(pick(lang, def.help)), bounds(def, lang)].filter(Boolean).join(" ");
  const describedBy = [help && `${id}-help`, error && `${id}-err`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "data-fact": name,
  } as const;
  const set = (e: { target: { value: string } }) => onChange(name, e.target.value);
  let control;
  switch (def.type) {
    case "boolean":
      control = (
        <select {...common} className="fr-select" value={value} onChange={set}>
          <option value="">{tr(lang, "unknown")}</option>
          <option value="true">{tr(lang, "yes")}</option>
          <option value="false">{tr(lang, "no")}</option>
        </select>
      );
      break;
    case "enum":
      control = (
        <select {...common} className="fr-select" value={value} onChange={set}>
          <option value="">{tr(lang, "unknown")}</option>
          {def.values.map((v) => (
            <option key={v} value={v}>
              {pick(lang, def.valueLabels?.[v]) || v}
            </option>
          ))}
        </select>
      );
      break;
    case "date":
      control = <input {...common} className="fr-input" type="date" value={value} onChange={set} />;
      break;
    default: {
      const unit = def.type === "money" ? currency && currencySymbol(currency, lang) : def.type === "number" && def.unit ? unitWord(def.unit, lang) : undefined;
      control = (
        <span className="fne-input-unit">
          <input
            {...common}
            className="fr-input"
            type="text"
            inputMode={def.type === "string" ? "text" : "decimal"}
            autoComplete="off"
            value={value}
            onChange={set}
          />
          {unit && (
            <span className="fne-unit" aria-hidden="true">
              {unit}
            </span>
          )}
        </span>
      );
    }
  }
  // The design system's field group (the web app loads it; the widget keeps the host's look and ignores the names).
  const group = def.type === "boolean" || def.type === "enum" ? "fr-select-group" : "fr-input-group";
  return (
    <div className={`fne-field ${group}${error ? ` fne-field-error ${group}--error` : ""}`}>
      <label htmlFor={id} className="fr-label">
        {pick(lang, def.label)}
        {def.optional && <span className="fne-optional"> ({tr(lang, "optional")})</span>}
      </label>
      {control}
      {help && (
        <p id={`${id}-help`} className="fne-help fr-hint-text">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="fne-error fr-error-text">
          {error}
        </p>
      )}
    </div>
  );
}
