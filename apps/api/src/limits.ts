/** Body limits: one case is a few hundred bytes; a plan of 100,000 employees stays under 50 MiB. */
export interface Limits {
  caseBytes: number;
  planBytes: number;
}

export const limits: Limits = {
  caseBytes: 1024 * 1024,
  planBytes: 50 * 1024 * 1024,
};
