/**
 * Dossiers, accounts and the audit trail (CONTRACT.md "Dossiers, accounts and the audit trail"): the shapes the
 * API answers and reads, the store writes and the web app shows.
 */
import { z } from "zod";
import { Counts, PlanResult, Result, Screening, Status, Totals } from "./contract.ts";

/** Who may do what is decided by the role (packages/store/src/roles.ts). */
export const Role = z.enum(["caseworker", "supervisor", "employer", "auditor"]);
export type Role = z.infer<typeof Role>;

/**
 * Who may do what (README "Accounts and roles"). A caller only ever reaches its own organisation's dossiers and
 * plans (the store filters every query by organisation); the role decides what it may do with them.
 */
export const permissions = {
  /** Open a dossier for a person, and add evaluations to it. */
  createDossier: ["caseworker", "supervisor"],
  evaluate: ["caseworker", "supervisor"],
  /** List, read (each read is audited as "viewed") and export dossiers. */
  readDossier: ["caseworker", "supervisor", "auditor"],
  exportDossier: ["caseworker", "supervisor", "auditor"],
  /** Erase a person's data (the audit trail keeps the event). */
  eraseDossier: ["supervisor"],
  /** Evaluate every stored evaluation again under today's rules. */
  recheck: ["supervisor"],
  readAudit: ["supervisor", "auditor"],
  /** An employer's layoff plans with their scenarios. */
  savePlan: ["employer"],
  readPlans: ["employer", "auditor"],
  erasePlan: ["employer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export const can = (role: Role, permission: Permission): boolean => (permissions[permission] as readonly Role[]).includes(role);


export const AuditAction = z.enum([
  "created",
  "evaluated",
  "viewed",
  "exported",
  "erased",
  "rechecked",
  "token_created",
  "token_revoked",
  "organisation_created",
  "signed_in",
  "signed_out",
  "plan_saved",
  "plan_viewed",
  "plan_erased",
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** A stored evaluation: never rewritten (a recheck adds a new one whose `recheckOf` names the original). */
export const Evaluation = z.object({
  id: z.string(),
  at: z.string(),
  /** The token (its id) that asked for it, "admin" for `pnpm admin recheck`. */
  actor: z.string(),
  /** The actor's role and label, for the screen (no internal id there). */
  actorRole: z.string().nullable(),
  actorLabel: z.string().nullable(),
  case: z.record(z.string(), z.unknown()),
  result: z.union([Result, Screening]),
  rulesVersion: z.string(),
  /** The result's status; for a screening, the best status among the aids. */
  status: Status,
  recheckOf: z.string().nullable(),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const Dossier = z.object({
  id: z.string(),
  reference: z.string(),
  /** The organisation's name. */
  organisation: z.string(),
  createdAt: z.string(),
  /** The status of the newest evaluation (null before the first). */
  status: Status.nullable(),
  evaluations: z.array(Evaluation),
});
export type Dossier = z.infer<typeof Dossier>;

/** One line of GET /v1/dossiers. */
export const DossierSummary = z.object({
  id: z.string(),
  reference: z.string(),
  organisation: z.string(),
  createdAt: z.string(),
  status: Status.nullable(),
  evaluationCount: z.number().int(),
  lastEvaluatedAt: z.string().nullable(),
});
export type DossierSummary = z.infer<typeof DossierSummary>;

/** Text a person typed, kept in a text column: PostgreSQL text cannot hold the NUL character. */
const Typed = (max: number) => z.string().trim().min(1).max(max).refine((x) => !x.includes("\u0000"), "must not contain the NUL character");

export const Reference = Typed(200);

/** POST /v1/dossiers. The case is evaluated at once when given; the engine checks it (invalid_case). */
export const CreateDossier = z.strictObject({ reference: Reference, case: z.unknown().optional() });
export type CreateDossier = z.infer<typeof CreateDossier>;

/** POST /v1/dossiers/:id/evaluations: a case, or `recheckOf` (an evaluation of the dossier) to evaluate its case again under today's rules. */
export const AddEvaluation = z.union([
  z.strictObject({ case: z.unknown().refine((c) => c !== undefined, "a case is required") }),
  z.strictObject({ recheckOf: z.string().min(1) }),
]);
export type AddEvaluation = z.infer<typeof AddEvaluation>;

export const DossierQuery = z.strictObject({
  q: z.string().max(200).refine((x) => !x.includes("\u0000"), "must not contain the NUL character").optional(),
  status: Status.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
});
export type DossierQuery = z.infer<typeof DossierQuery>;

export const ExportQuery = z.strictObject({ format: z.enum(["json", "sheet"]).optional() });

export const AuditEvent = z.object({
  at: z.string(),
  actor: z.string(),
  actorRole: z.string().nullable(),
  action: AuditAction,
  /** The dossier (kept after its erasure: the event stays, the data goes). */
  dossier: z.string().nullable(),
  rulesVersion: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = z.strictObject({
  dossier: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  /** Events before this one (the `seq` of the last line read), for paging back. */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

/** What a recheck compares: each aid's status and amounts. */
export const Outcome = z.object({
  rulesVersion: z.string(),
  status: Status,
  aids: z.array(z.object({ aid: z.string(), status: Status, amounts: z.record(z.string(), z.unknown()) })),
});
export type Outcome = z.infer<typeof Outcome>;

export const RecheckChange = z.object({
  dossier: z.string(),
  reference: z.string(),
  /** The stored evaluation rechecked, and the one the recheck added. */
  original: z.string(),
  evaluation: z.string(),
  before: Outcome,
  after: Outcome,
});
export type RecheckChange = z.infer<typeof RecheckChange>;

export const RecheckResult = z.object({
  rulesVersion: z.string(),
  /** Stored evaluations evaluated again (those made under another rulesVersion, not yet rechecked under this one). */
  checked: z.number().int(),
  changed: z.array(RecheckChange),
  /** Stored cases today's rules refuse (a fact renamed, a parameter gone): left as they were, named here. */
  refused: z.array(z.object({ dossier: z.string(), reference: z.string(), original: z.string(), message: z.string() })),
});
export type RecheckResult = z.infer<typeof RecheckResult>;

export const SignIn = z.strictObject({ token: z.string().min(1).max(200) });

export const Session = z.object({
  organisation: z.string(),
  role: Role,
  label: z.string().nullable(),
  /** Send it back in the X-CSRF-Token header of every POST and DELETE made with the session cookie (null for a bearer token). */
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

/** POST /v1/saved-plans: a Plan (with its scenarios), saved with its PlanResult. */
export const SavePlan = z.strictObject({ name: Typed(200), plan: z.unknown() });

export const SavedPlanSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  actor: z.string(),
  rulesVersion: z.string(),
  employees: z.number().int(),
  totals: Totals,
  counts: Counts,
});
export type SavedPlanSummary = z.infer<typeof SavedPlanSummary>;

export const SavedPlan = SavedPlanSummary.extend({ plan: z.record(z.string(), z.unknown()), result: PlanResult });
export type SavedPlan = z.infer<typeof SavedPlan>;
