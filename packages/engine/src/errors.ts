/** Errors of the contract: { error: { code, message, issues: [{ path, message }] } }. */
import type { z } from "zod";
import type { ErrorBody, ErrorCode, ErrorIssue } from "@fne/schema";

export class InputError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[],
  ) {
    super(message);
  }
  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}

/** zod issues → contract issues; an unknown key becomes one issue per key, naming it. */
export function zodIssues(error: z.ZodError, prefix: string[] = []): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  for (const i of error.issues) {
    const path = [...prefix, ...i.path.map(String)];
    if (i.code === "unrecognized_keys") {
      for (const k of i.keys) out.push({ path: [...path, k].join("."), message: `unknown field "${k}"` });
    } else {
      out.push({ path: path.join(".") || "(root)", message: i.message });
    }
  }
  return out;
}

export function summary(issues: ErrorIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  return shown.join("; ") + (issues.length > 3 ? `; and ${issues.length - 3} more` : "");
}
