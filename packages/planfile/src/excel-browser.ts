/** exceljs in the browser, bundled into the simulator's worker (Vite's worker format has no code splitting). */
import ExcelJS from "exceljs";

export const loadExcel = async () => ExcelJS;
