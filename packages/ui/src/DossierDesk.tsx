/**
 * The dossier side of the web app: sign in with a token (the API then keeps an HttpOnly session cookie), the
 * organisation's dossiers, one dossier's history. It needs the API on the page's own origin (`pnpm api` serves
 * the built app); opened from a plain static host it says so.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import type { Session } from "@fne/schema";
import { ApiError, dossierClient, type DossierClient } from "./dossier-api.ts";
import { DossierList } from "./DossierList.tsx";
import { DossierPage } from "./DossierPage.tsx";
import { dt, roleName } from "./dossier-text.ts";
import type { Lang } from "./i18n.ts";

export interface DossierDeskProps {
  lang: Lang;
  /** The dossier open (its id, from the page's URL), or none for the list. */
  dossierId?: string | undefined;
  /** Called to open a dossier (an id) or go back to the list (undefined). */
  onOpen: (id: string | undefined) => void;
  client?: DossierClient;
}

type Phase = { kind: "loading" } | { kind: "noApi" } | { kind: "signedOut"; error?: string } | { kind: "signedIn"; session: Session };

/** Who is signed in, asked of the API once (the dossier screens, the saved plans). */
export function useSessionPhase(client: Pick<DossierClient, "session">) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  useEffect(() => {
    let live = true;
    client.session().then(
      (session) => live && setPhase({ kind: "signedIn", session }),
      (e: unknown) => live && setPhase(e instanceof ApiError && e.code === "no_api" ? { kind: "noApi" } : { kind: "signedOut" }),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return [phase, setPhase] as const;
}

/** Who is signed in (organisation, role, label), and "sign out". */
export function SignedInBar({ lang, session, onSignOut }: { lang: Lang; session: Session; onSignOut: () => void }) {
  return (
    <div className="fne-signed-in fne-noprint">
      <span>
        {dt(lang, "signedInAs")} : <strong>{session.organisation}</strong> — {roleName(lang, session.role)}
        {session.label ? ` (${session.label})` : ""}
      </span>
      <button type="button" className="fne-button fr-btn fr-btn--secondary" onClick={onSignOut}>
        {dt(lang, "signOut")}
      </button>
    </div>
  );
}

export function DossierDesk({ lang, dossierId, onOpen, client: given }: DossierDeskProps) {
  const client = useMemo(() => given ?? dossierClient(), [given]);
  const [phase, setPhase] = useSessionPhase(client);

  /** A 401 on the way (session expired, token revoked): back to the sign-in form. */
  const onSignedOut = useCallback(() => setPhase({ kind: "signedOut" }), []);

  if (phase.kind === "loading") return <p role="status">{dt(lang, "loading")}</p>;
  if (phase.kind === "noApi") return <p className="fne-alert fr-alert fr-alert--warning fr-alert--sm">{dt(lang, "noApi")}</p>;
  if (phase.kind === "signedOut") {
    return <SignIn lang={lang} client={client} error={phase.error} onSignedIn={(session) => setPhase({ kind: "signedIn", session })} />;
  }
  const { session } = phase;
  return (
    <div className="fne-dossiers">
      <SignedInBar lang={lang} session={session} onSignOut={() => void client.signOut().finally(() => setPhase({ kind: "signedOut" }))} />
      {dossierId ? (
        <DossierPage
          key={dossierId}
          lang={lang}
          client={client}
          id={dossierId}
          role={session.role}
          actor={session.label ?? undefined}
          onBack={() => onOpen(undefined)}
          onSignedOut={onSignedOut}
        />
      ) : (
        <DossierList lang={lang} client={client} role={session.role} onOpen={onOpen} onSignedOut={onSignedOut} />
      )}
    </div>
  );
}

/** The sign-in form (also the saved plans' tab, with its own `idPrefix`: both tabs may be in the page at once). */
export function SignIn({
  lang,
  client,
  error,
  onSignedIn,
  idPrefix = "fne-token",
}: {
  lang: Lang;
  client: Pick<DossierClient, "signIn">;
  error?: string | undefined;
  onSignedIn: (s: Session) => void;
  idPrefix?: string;
}) {
  const [token, setToken] = useState("");
  const [problem, setProblem] = useState(error);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onSignedIn(await client.signIn(token.trim()));
    } catch (err) {
      setProblem(err instanceof ApiError && (err.status === 401 || err.status === 400) ? dt(lang, "badToken") : `${dt(lang, "failed")} ${String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="fne-signin" onSubmit={submit} aria-label={dt(lang, "signInTitle")}>
      <h2>{dt(lang, "signInTitle")}</h2>
      <p className="fne-help">{dt(lang, "signInHelp")}</p>
      <div className="fne-field fr-input-group">
        <label htmlFor={idPrefix} className="fr-label">{dt(lang, "token")}</label>
        <input
          className="fr-input"
          id={idPrefix}
          type="password"
          autoComplete="off"
          value={token}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${idPrefix}-err` : undefined}
          onChange={(e) => setToken(e.target.value)}
        />
        {problem && (
          <p id={`${idPrefix}-err`} className="fne-error fr-error-text" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div className="fne-actions">
        <button type="submit" className="fne-button fne-primary fr-btn" disabled={busy || !token.trim()}>
          {dt(lang, "signIn")}
        </button>
      </div>
    </form>
  );
}
