/** exceljs for Node, loaded on first use: a CLI run that reads no workbook does not pay for it. */
export const loadExcel = async () => (await import("exceljs")).default;
