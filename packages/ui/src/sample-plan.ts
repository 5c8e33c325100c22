/**
 * The sample plan offered for download: the employees of examples/plan.json (CRP, 2006), one row with a typo,
 * written as French Excel writes a CSV (`;` between cells, decimal commas, oui/non).
 */
export const samplePlanCsv = [
  "id;aid;economicDismissal;seniorityMonths;accepted;monthlyGrossSalary;averageMonthlyGrossLast12;averageMonthlyGrossLast3;difHoursBalance;netHourlyWage",
  "E001;crp;oui;60;oui;2 500,00;2 400,00;2 600,00;100;12,00",
  "E002;crp;oui;14;oui;1 800,00;1 800,00;1 800,00;30;9,20",
  "E003;crp;oui;lots;;;;;;",
  "E004;crp;oui;150;non;3 000,00;3 000,00;2 900,00;120;15,00",
  "",
].join("\r\n");

/** The employer's side of the sample: the date and headcount it was written for. */
export const samplePlanOptions = { date: "2006-10-02", headcount: 250, proposesCRP: true } as const;
