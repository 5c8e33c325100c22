/** Tiny benchmark harness: warm up, then time enough iterations for a stable per-second figure. */
export function perSecond(fn: (i: number) => unknown, n: number): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(i); // warm-up for the JIT
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return n / s;
}

export async function perSecondAsync(fn: (i: number) => Promise<unknown>, n: number): Promise<number> {
  for (let i = 0; i < Math.min(n, 2_000); i++) await fn(i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

export const fmt = (x: number) => Math.round(x).toLocaleString("en-US").padStart(12);

export function table(title: string, rows: Array<[string, number]>) {
  const best = Math.max(...rows.map(([, v]) => v));
  console.log(`\n${title}`);
  for (const [name, v] of rows) console.log(`  ${name.padEnd(44)} ${fmt(v)} /s   ${(best / v).toFixed(2)}× slower than fastest`);
}
