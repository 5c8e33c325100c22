/** One Result as the caseworker explains it: status, amounts, who decides, every condition with its article. */
import type { AidDescription } from "@fne/engine";
import type { Citation, Result } from "@fne/schema";
import { pick, tr, type Key, type Lang } from "./i18n.ts";
import { formatDecimal, formatWithEuro } from "./money.ts";
import { aidPagePath, RuleLink } from "./rule-pages.tsx";

export type OnCite = (c: Citation, trigger: HTMLElement) => void;

export const StatusBadge = ({ status, lang }: { status: Result["status"] | "invalid"; lang: Lang }) => (
  <span className={`fne-status fne-status-${status}`} data-status={status}>
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

export const citationLabel = (c: Pick<Citation, "article" | "paragraph" | "point">, lang: Lang) =>
  `${c.article}${c.paragraph ? `, ${tr(lang, "paragraph")} ${c.paragraph}` : ""}${c.point ? ` ${c.point}` : ""}`;

export function CiteButton({ citation, lang, onCite }: { citation: Citation; lang: Lang; onCite: OnCite }) {
  return (
    <button type="button" className="fne-cite" onClick={(e) => onCite(citation, e.currentTarget)}>
      {citationLabel(citation, lang)}
    </button>
  );
}

function AmountValue({ value, type, result, lang }: { value: Result["amounts"][string]; type: string | undefined; result: Result; lang: Lang }) {
  if (typeof value === "boolean") return <>{tr(lang, value ? "yes" : "no")}</>;
  if (typeof value === "number") return <>{formatDecimal(String(value), lang)}</>;
  if (type === "money") return <Money value={value} currency={result.currency} lang={lang} />;
  return <>{value}</>;
}

const REASON: Record<string, Key> = { true: "passed", false: "failed", null: "notKnown" };
const MARK: Record<string, string> = { true: "✓", false: "✗", null: "?" };

export interface ResultViewProps {
  result: Result;
  aid: AidDescription | undefined;
  lang: Lang;
  onCite: OnCite;
  /** Heading level of the result's title (2 alone, 3 in a screening). */
  level?: 2 | 3;
}

export function ResultView({ result: r, aid, lang, onCite, level = 2 }: ResultViewProps) {
  const H = `h${level}` as "h2" | "h3";
  const S = `h${level + 1}` as "h3" | "h4";
  const amounts = Object.entries(r.amounts).filter(([k]) => aid?.amounts[k] !== undefined);
  return (
    <article className="fne-result" data-aid={r.aid} aria-label={r.title}>
      <header className="fne-result-head">
        <H>{r.title}</H>
        <StatusBadge status={r.status} lang={lang} />
      </header>
      <RuleLink path={aidPagePath(lang, r.aid)} label={tr(lang, "seeRule")} />
      <dl className="fne-meta">
        <div>
          <dt>{tr(lang, "printedOn")}</dt>
          <dd>{r.date}</dd>
        </div>
        {r.version && (
          <div>
            <dt>{tr(lang, "version")}</dt>
            <dd>{r.version}</dd>
          </div>
        )}
        {r.authority && (
          <div>
            <dt>{tr(lang, "authority")}</dt>
            <dd data-testid="authority">{r.authority}</dd>
          </div>
        )}
      </dl>

      {amounts.length > 0 && (
        <section>
          <S>{tr(lang, "amounts")}</S>
          <table className="fne-amounts">
            <tbody>
              {amounts.map(([k, v]) => (
                <tr key={k} data-amount={k}>
                  <th scope="row">{pick(lang, aid?.amounts[k]?.label)}</th>
                  <td>
                    <AmountValue value={v} type={aid?.amounts[k]?.type} result={r} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.capApplied && <p className="fne-cap">{tr(lang, "capApplied")}</p>}
        </section>
      )}

      {r.periods.length > 0 && (
        <section>
          <S>{tr(lang, "periods")}</S>
          <ul className="fne-periods">
            {r.periods.map((p, i) => (
              <li key={i}>
                <span>{p.label}</span> <Money value={p.amount} currency={r.currency} lang={lang} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {r.missing.length > 0 && (
        <section className="fne-missing">
          <S>{tr(lang, "missing")}</S>
          <ul>
            {r.missing.map((m) => (
              <li key={m}>{pick(lang, aid?.facts[m]?.label) || m}</li>
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
                  <span className="fne-reason-text">{x.text}</span>
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
              <li key={i}>{e}</li>
            ))}
          </ul>
        </section>
      )}

      {r.notes.length > 0 && (
        <section>
          <S>{tr(lang, "notes")}</S>
          <ul className="fne-notes">
            {r.notes.map((n, i) => (
              <li key={i}>{n}</li>
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
                  <td>{p.id}</td>
                  <td>{formatDecimal(p.value, lang)}</td>
                  <td>{p.from ?? "—"}</td>
                  <td>{p.overridden ? tr(lang, "overridden") : (p.reference ?? "—")}</td>
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
