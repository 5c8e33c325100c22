/** The organisation's dossiers: search by reference, filter by the latest status, open one, open a new one. */
import { useEffect, useState, type FormEvent } from "react";
import { can, Status, type DossierSummary, type RecheckResult, type Role } from "@fne/schema";
import { ApiError, type DossierClient } from "./dossier-api.ts";
import { formatDate, formatDateTime } from "./dates.ts";
import { dt } from "./dossier-text.ts";
import { tr, type Lang } from "./i18n.ts";
import { StatusBadge } from "./ResultView.tsx";

export interface DossierListProps {
  lang: Lang;
  client: DossierClient;
  role: Role;
  onOpen: (id: string) => void;
  onSignedOut: () => void;
}

export function DossierList({ lang, client, role, onOpen, onSignedOut }: DossierListProps) {
  const [q, setQ] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [rows, setRows] = useState<DossierSummary[] | undefined>();
  const [problem, setProblem] = useState<string>();

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) onSignedOut();
    else setProblem(e instanceof Error ? e.message : String(e));
  };

  useEffect(() => {
    let live = true;
    // A short pause while typing: one request for a word, not one a letter.
    const t = setTimeout(() => {
      client.list({ q, status }).then((r) => live && setRows(r), (e: unknown) => live && fail(e));
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [client, q, status]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="fne-dossier-list" aria-label={dt(lang, "dossiers")}>
      {can(role, "createDossier") && <NewDossier lang={lang} client={client} onCreated={onOpen} onError={fail} />}
      <h2>{dt(lang, "dossiers")}</h2>
      <div className="fne-row fne-filters">
        <div className="fne-field fr-input-group">
          <label htmlFor="fne-dossier-q" className="fr-label">{dt(lang, "search")}</label>
          <input className="fr-input" id="fne-dossier-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="fne-field fr-input-group">
          <label htmlFor="fne-dossier-status" className="fr-label">{dt(lang, "statusFilter")}</label>
          <select className="fr-select" id="fne-dossier-status" value={status} onChange={(e) => setStatus(e.target.value as Status | "")}>
            <option value="">{dt(lang, "anyStatus")}</option>
            {Status.options.map((s) => (
              <option key={s} value={s}>
                {tr(lang, s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {problem && (
        <p className="fne-alert fr-alert fr-alert--error fr-alert--sm" role="alert">
          {dt(lang, "failed")} {problem}
        </p>
      )}
      {rows === undefined ? (
        <p role="status">{dt(lang, "loading")}</p>
      ) : rows.length === 0 ? (
        <p>{dt(lang, "noDossiers")}</p>
      ) : (
        <div className="fr-table fr-table--no-caption">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table className="fne-table fne-dossier-table">
                  <thead>
                    <tr>
                      <th scope="col">{dt(lang, "reference")}</th>
                      <th scope="col">{dt(lang, "status")}</th>
                      <th scope="col">{dt(lang, "openedOn")}</th>
                      <th scope="col">{dt(lang, "lastEvaluated")}</th>
                      <th scope="col">{dt(lang, "evaluationCount")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((d) => (
                      <tr key={d.id}>
                        <td>
                          <button type="button" className="fne-link" onClick={() => onOpen(d.id)}>
                            {d.reference}
                          </button>
                        </td>
                        <td>{d.status ? <StatusBadge status={d.status} lang={lang} /> : dt(lang, "notEvaluated")}</td>
                        <td>{formatDate(d.createdAt, lang)}</td>
                        <td>{d.lastEvaluatedAt ? formatDateTime(d.lastEvaluatedAt, lang) : "—"}</td>
                        <td>{d.evaluationCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      {can(role, "recheck") && <RecheckAll lang={lang} client={client} onOpen={onOpen} onError={fail} />}
    </section>
  );
}

function NewDossier({ lang, client, onCreated, onError }: { lang: Lang; client: DossierClient; onCreated: (id: string) => void; onError: (e: unknown) => void }) {
  const [reference, setReference] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onCreated((await client.create(reference.trim())).id);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="fne-fieldset fne-new-dossier" onSubmit={submit} aria-label={dt(lang, "openNew")}>
      <h2>{dt(lang, "openNew")}</h2>
      <div className="fne-field fr-input-group">
        <label htmlFor="fne-new-reference" className="fr-label">{dt(lang, "reference")}</label>
        <input className="fr-input" id="fne-new-reference" value={reference} maxLength={200} aria-describedby="fne-new-reference-help" onChange={(e) => setReference(e.target.value)} />
        <p id="fne-new-reference-help" className="fne-help fr-hint-text">
          {dt(lang, "referenceHelp")}
        </p>
      </div>
      <div className="fne-actions">
        <button type="submit" className="fne-button fne-primary fr-btn" disabled={busy || !reference.trim()}>
          {dt(lang, "create")}
        </button>
      </div>
    </form>
  );
}

/** A supervisor's recheck of every stored evaluation under today's rules, and the dossiers whose result changes. */
function RecheckAll({ lang, client, onOpen, onError }: { lang: Lang; client: DossierClient; onOpen: (id: string) => void; onError: (e: unknown) => void }) {
  const [result, setResult] = useState<RecheckResult>();
  const [busy, setBusy] = useState(false);
  return (
    <section className="fne-recheck">
      <div className="fne-actions">
        <button
          type="button"
          className="fne-button fr-btn fr-btn--secondary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            client
              .recheck()
              .then(setResult, onError)
              .finally(() => setBusy(false));
          }}
        >
          {dt(lang, "recheckAll")}
        </button>
      </div>
      {result && (
        <div role="status">
          <p>
            {result.checked} {dt(lang, "recheckDone")} {result.changed.length === 0 && dt(lang, "recheckNone")}
          </p>
          <ul>
            {result.changed.map((c) => (
              <li key={c.evaluation}>
                <button type="button" className="fne-link" onClick={() => onOpen(c.dossier)}>
                  {c.reference}
                </button>{" "}
                : {tr(lang, c.before.status)} → {tr(lang, c.after.status)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
