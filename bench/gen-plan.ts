/** Writes a CSV layoff plan of N crp employees (default 100,000) to the given path, for the plan benchmark. */
import { writeFileSync } from "node:fs";

export function planCsv(n: number): string {
  const header = "id,aid,economicDismissal,seniorityMonths,accepted,monthlyGrossSalary,averageMonthlyGrossLast12,averageMonthlyGrossLast3,difHoursBalance,netHourlyWage,conventionalNoticeMonths";
  const lines = [header];
  for (let i = 0; i < n; i++) {
    const salary = 1500 + ((i * 37) % 4000);
    lines.push(
      `E${String(i + 1).padStart(6, "0")},crp,true,${3 + ((i * 7) % 400)},${i % 3 !== 0},${salary}.00,${salary - 50}.00,${salary + 20}.00,${(i * 13) % 160},${(salary / 151.67).toFixed(2)},${i % 5 === 0 ? 3 : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[2]) writeFileSync(process.argv[2], planCsv(Number(process.argv[3] ?? 100_000)));
