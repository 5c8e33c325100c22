/**
 * Who may do what (README "Accounts and roles"). A caller only ever reaches its own organisation's dossiers and
 * plans (the store filters every query by organisation); the role decides what it may do with them.
 */
import type { Role } from "@fne/schema";

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
