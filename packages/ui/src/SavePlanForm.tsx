/** "Enregistrer ce plan" in the simulator: a signed-in employer names the plan and saves it with its scenario. */
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { can, type SavedPlan } from "@fne/schema";
import { ApiError } from "./dossier-api.ts";
import { tr, type Lang } from "./i18n.ts";
import { failure, savedPlansClient, type SavablePlan, type SavedPlansClient } from "./saved-plans-api.ts";

export interface SavePlanFormProps {
  lang: Lang;
  /** The plan the simulator ran, as a JSON Plan (its worker builds it). */
  getPlan: () => Promise<SavablePlan>;
  /** The name offered (the file's). */
  defaultName: string;
  client?: SavedPlansClient;
}

type SaveState =
  | { kind: "checking" }
  | { kind: "hidden" }
  | { kind: "signIn" }
  | { kind: "ready"; saved?: SavablePlan }
  | { kind: "done"; plan: SavedPlan }
  | { kind: "failed"; message: string };

/** Shown to a signed-in employer; to a visitor signed out, how to sign in; to no one where no API serves the page. */
export function SavePlanForm({ lang, getPlan, defaultName, client: given }: SavePlanFormProps) {
  const client = useMemo(() => given ?? savedPlansClient(), [given]);
  const [state, setState] = useState<SaveState>({ kind: "checking" });
  const [name, setName] = useState(defaultName);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    client.session().then(
      (s) => {
        if (!live) return;
        if (!can(s.role, "savePlan")) return setState({ kind: "hidden" });
        setState({ kind: "ready" });
        // The rows the file could not be read into a plan are named before saving.
        void getPlan().then((saved) => live && setState((st) => (st.kind === "ready" ? { kind: "ready", saved } : st)));
      },
      (e: unknown) => live && setState(e instanceof ApiError && e.status === 401 ? { kind: "signIn" } : { kind: "hidden" }),
    );
    return () => {
      live = false;
    };
  }, [client, getPlan]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const { plan } = await getPlan();
      setState({ kind: "done", plan: await client.save(name.trim(), plan) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setState({ kind: "signIn" });
      else setState({ kind: "failed", message: err instanceof ApiError && err.status === 413 ? tr(lang, "planTooLarge") : failure(err) });
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === "checking" || state.kind === "hidden") return null;
  if (state.kind === "signIn") return <p className="fne-help fne-noprint">{tr(lang, "savePlanSignIn")}</p>;
  if (state.kind === "done") {
    return (
      <p className="fne-save-plan fne-noprint" role="status">
        {tr(lang, "planSaved")} <strong>{state.plan.name}</strong> —{" "}
        <a className="fne-link" href={`#plans?id=${encodeURIComponent(state.plan.id)}`}>
          {tr(lang, "seeSavedPlans")}
        </a>
      </p>
    );
  }
  const unreadable = state.kind === "ready" ? (state.saved?.unreadable ?? []) : [];
  return (
    <form className="fne-save-plan fne-noprint" onSubmit={submit} aria-label={tr(lang, "savePlan")}>
      <div className="fne-row">
        <div className="fne-field">
          <label htmlFor="fne-plan-name">{tr(lang, "planName")}</label>
          <input id="fne-plan-name" type="text" maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="fne-button fne-primary" disabled={busy || !name.trim()}>
          {tr(lang, "savePlan")}
        </button>
      </div>
      {unreadable.length > 0 && (
        <p className="fne-help">
          {tr(lang, "unreadableNotSaved")} {unreadable.map((u) => `${u.id} (${tr(lang, "line")} ${u.line})`).join(", ")}
        </p>
      )}
      {state.kind === "failed" && (
        <p className="fne-error" role="alert">
          {tr(lang, "savePlanFailed")} {state.message}
        </p>
      )}
    </form>
  );
}
