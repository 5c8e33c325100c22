/**
 * One Result as the caseworker explains it: status, who decides, each amount with how long it is paid and its
 * working (folded), what is missing, every condition with its article, the notes, the parameters and the texts.
 */
import type { AidDescription, Period, Result, WorkingStep } from "@fne/schema";
import { CiteButton, type OnCite } from "./CiteButton.tsx";
import { formatDate } from "./dates.ts";
import { fill, pick, tr, type Key, type Lang } from "./i18n.ts";
import { formatDecimal, formatWithEuro } from "./money.ts";
import { aidPagePath, RuleLink } from "./rule-pages.tsx";
import { authorityText, count, missingEntry, plainText, versionLabel, type EngineNames, type MissingEntry } from "./words.ts";
import { Working, WorkingFold } from "./Working.tsx";

export type { OnCite };

/** The design system's badge colours: green eligible, red not eligible (or an invalid row), orange undetermined. */
const BADGE: Record<Result["status"] | "invalid", string> = { eligible: "success", ineligible: "error", invalid: "error", undetermined: "warning", no_law: "info" };

export const StatusBadge = ({ status, lang }: { status: Result["status"] | "invalid"; lang: Lang }) => (
  <span className={`fne-status fne-status-${status} fr-badge fr-badge--no-icon fr-badge--${BADGE[status]}`} data-status={status}>
    {tr(lang, status)}
  </span>
);

export function Money({ value, currency, lang }: { value: string; currency: Result["currency"]; lang: Lang }) {
  const { main, euro } = formatWithEuro(value, currency, lang);
  return (
    <span className="fne-money">
      {main}
      {euro && (
        <span className="fne-euro">
          {" "}
          ({tr(lang, "euroEquivalent")} {euro})
        </span>
      )}
    </span>
  );
}

function AmountValue({ value, type, result, lang }: { value: Result["amounts"][string]; type: string | undefined; result: Result; lang: Lang }) {
  if (typeof value === "boolean") return <>{tr(lang, value ? "yes" : "no")}</>;
  if (typeof value === "number") return <>{formatDecimal(String(value), lang)}</>;
  if (type === "money") return <Money value={value} currency={result.currency} lang={lang} />;
  if (type === "date") return <>{formatDate(value, lang)}</>;
  return <>{value}</>;
}

/** How long a payment lasts: "par mois, pendant 6 mois"; or the period's own words ("par jour jusqu'au …"). */
export function periodText(p: Period, lang: Lang, plain: (t: string) => string): string {
  if (p.months !== undefined) return fill(lang, p.unit === "day" ? "perDayFor" : "perMonthFor", { n: count(p.months, "month", lang) });
  if (p.days !== undefined) return fill(lang, p.unit === "month" ? "perMonthFor" : "perDayFor", { n: count(p.days, "day", lang) });
  return plain(p.label);
}

/**
 * The amounts and the payments by period in one table: a period paying an amount of the Result (the same value, in
 * order: "mois 1 à 6" pays the first monthly amount) is said on that amount's line; the other periods (the CRP
 * allowance) have lines of their own.
 */
export function amountLines(r: Result, aid: AidDescription | undefined) {
  const keys = Object.keys(r.amounts).filter((k) => aid?.amounts[k] !== undefined);
  const used = new Set<number>();
  const lines: Array<{ key: string; period: Period | undefined }> = keys.map((key) => {
    if (aid?.amounts[key]?.type !== "money") return { key, period: undefined };
    const i = r.periods.findIndex((p, j) => !used.has(j) && p.amount === r.amounts[key]);
    if (i < 0) return { key, period: undefined };
    used.add(i);
    return { key, period: r.periods[i] };
  });
  return { lines, others: r.periods.filter((_, j) => !used.has(j)) };
}

/** A dated parameter's label: the engine's, else the working's, else its id in words. */
export function parameterName(r: Result, id: string, lang: Lang, names?: EngineNames): string {
  const find = (s: WorkingStep): string | undefined => (s.parameter?.id === id ? s.label : s.steps?.map(find).find(Boolean));
  return names?.parameter(id)?.[lang] ?? Object.values(r.working ?? {}).map(find).find(Boolean) ?? id.replace(/_/g, " ");
}

const REASON: Record<string, Key> = { true: "passed", false: "failed", null: "notKnown" };
const MARK: Record<string, string> = { true: "✓", false: "✗", null: "?" };

export interface ResultViewProps {
  result: Result;
  aid: AidDescription | undefined;
  /** Every aid (their versions name the version applied; their facts name what the texts call by code name). */
  aids: readonly AidDescription[];
  lang: Lang;
  onCite: OnCite;
  /** Heading level of the result's title (2 alone, 3 in a screening). */
  level?: 2 | 3;
  names?: EngineNames | undefined;
}

export function ResultView({ result: r, aid, aids, lang, onCite, level = 2, names }: ResultViewProps) {
  const H = `h${level}` as "h2" | "h3";
  const S = `h${level + 1}` as "h3" | "h4";
  const plain = (t: string) => plainText(t, lang, { aids, aid, names });
  const { lines, others } = amountLines(r, aid);
  const missing = r.missing.map((m) => missingEntry(m, aid, lang, names));
  const ofKind = (k: MissingEntry["kind"]) => missing.filter((m) => m.kind === k).map((m) => m.label);
  return (
    <article className="fne-result" data-aid={r.aid} aria-label={r.title}>
      <header className="fne-result-head">
        <H>{r.title}</H>
        <StatusBadge status={r.status} lang={lang} />
      </header>
      <RuleLink path={aidPagePath(lang, r.aid)} label={tr(lang, "seeRule")} />
      <dl className="fne-meta">
        <div>
          <dt>{tr(lang, "computedFor")}</dt>
          <dd>{formatDate(r.date, lang)}</dd>
        </div>
        {r.version && (
          <div>
            <dt>{tr(lang, "version")}</dt>
            <dd data-testid="version">{versionLabel(r.version, aids, lang)}</dd>
          </div>
        )}
        {r.authority && (
          <div>
            <dt>{tr(lang, "authority")}</dt>
            <dd data-testid="authority">{authorityText(r.authority, lang)}</dd>
          </div>
        )}
      </dl>

      {(lines.length > 0 || others.length > 0) && (
        <section>
          <S>{tr(lang, "amounts")}</S>
          <table className="fne-amounts">
            <tbody>
              {lines.map(({ key, period }) => {
                const working = r.working?.[key];
                return [
                  <tr key={key} data-amount={key}>
                    <th scope="row">
                      {pick(lang, aid?.amounts[key]?.label)}
                      {period && <span className="fne-period">{periodText(period, lang, plain)}</span>}
                    </th>
                    <td>
                      <AmountValue value={r.amounts[key]!} type={aid?.amounts[key]?.type} result={r} lang={lang} />
                    </td>
                  </tr>,
                  working && (
                    <tr key={`${key}-working`} className="fne-working-row" data-working={key}>
                      <td colSpan={2}>
                        <WorkingFold lang={lang}>
                          <Working step={working} result={r} aid={aid} aids={aids} names={names} lang={lang} onCite={onCite} />
                        </WorkingFold>
                      </td>
                    </tr>
                  ),
                ];
              })}
              {others.map((p, i) => (
                <tr key={`period-${i}`} data-period={i}>
                  <th scope="row">
                    {plain(p.label)}
                    {(p.months !== undefined || p.days !== undefined) && <span className="fne-period">{periodText(p, lang, plain)}</span>}
                  </th>
                  <td>
                    <Money value={p.amount} currency={r.currency} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.capApplied && <p className="fne-cap">{tr(lang, "capApplied")}</p>}
        </section>
      )}

      {ofKind("fact").length > 0 && (
        <section className="fne-missing">
          <S>{tr(lang, "missing")}</S>
          <ul>
            {ofKind("fact").map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      )}
      {ofKind("text").length > 0 && (
        <section className="fne-missing-texts">
          <S>{tr(lang, "missingTexts")}</S>
          <p className="fne-help">{tr(lang, "missingTextsHelp")}</p>
          <ul>
            {ofKind("text").map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </section>
      )}
      {ofKind("value").length > 0 && (
        <section className="fne-missing-values">
          <S>{tr(lang, "missingValues")}</S>
          <p className="fne-help">{tr(lang, "missingValuesHelp")}</p>
          <ul>
            {r.missing
              .filter((_, i) => missing[i]!.kind === "value")
              .map((m) => (
                <li key={m}>{parameterName(r, m, lang, names)}</li>
              ))}
          </ul>
        </section>
      )}

      {r.reasons.length > 0 && (
        <section>
          <S>{tr(lang, "conditions")}</S>
          <ul className="fne-reasons">
            {r.reasons.map((x) => {
              const k = String(x.passed);
              return (
                <li key={x.rule} className={`fne-reason fne-reason-${REASON[k]}`} data-rule={x.rule}>
                  <span className="fne-mark" aria-hidden="true">
                    {MARK[k]}
                  </span>
                  <span className="fne-reason-state">{tr(lang, REASON[k]!)}</span>
                  <span className="fne-reason-text">{plain(x.text)}</span>
                  <CiteButton citation={x.citation} lang={lang} onCite={onCite} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {(r.entitlements?.length ?? 0) > 0 && (
        <section>
          <S>{tr(lang, "entitlements")}</S>
          <ul>
            {r.entitlements!.map((e, i) => (
              <li key={i}>{plain(e)}</li>
            ))}
          </ul>
        </section>
      )}

      {r.notes.length > 0 && (
        <section>
          <S>{tr(lang, "notes")}</S>
          <ul className="fne-notes">
            {r.notes.map((n, i) => (
              <li key={i}>{plain(n)}</li>
            ))}
          </ul>
        </section>
      )}

      {(r.parameters?.length ?? 0) > 0 && (
        <section>
          <S>{tr(lang, "parameters")}</S>
          <table className="fne-params">
            <thead>
              <tr>
                <th scope="col">{tr(lang, "parameter")}</th>
                <th scope="col">{tr(lang, "value")}</th>
                <th scope="col">{tr(lang, "since")}</th>
                <th scope="col">{tr(lang, "reference")}</th>
              </tr>
            </thead>
            <tbody>
              {r.parameters!.map((p) => (
                <tr key={`${p.id}@${p.at}`}>
                  <td>{parameterName(r, p.id, lang, names)}</td>
                  <td>{formatDecimal(p.value, lang)}</td>
                  <td>{p.from ? formatDate(p.from, lang) : "—"}</td>
                  <td>{p.overridden ? tr(lang, "overridden") : p.reference ? plain(p.reference) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {r.legalBasis.length > 0 && (
        <section>
          <S>{tr(lang, "legalBasis")}</S>
          <p className="fne-basis">
            {r.legalBasis.map((c, i) => (
              <CiteButton key={i} citation={c} lang={lang} onCite={onCite} />
            ))}
          </p>
        </section>
      )}
    </article>
  );
}
