/** Body limits: one case is a few hundred bytes; a plan of 100,000 employees stays under 50 MiB. */
export const limits = {
  caseBytes: 1024 * 1024,
  planBytes: 50 * 1024 * 1024,
} as const;
