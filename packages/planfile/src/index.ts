/** @fne/planfile: plan files as employers have them, read and written the same way by the CLI, the API and the web. */
export { detectDialect, decimalIn, decimalOut, ENGLISH, FRENCH, TAB, type Dialect, type Separator } from "./dialect.ts";
export { csvPieces, csvRecords, isZip, PlanFileError, readCsv, readPlanFile, readXlsx, stripBom, type FileRow, type PlanTable } from "./read.ts";
export { checkHeader, closeNames, RowReader, type RowEmployee } from "./rows.ts";
export { citationText, compactRows, errorText, missingLabel, reasonText, type CompactRow, type RowStatus } from "./rowview.ts";
export {
  amountKeys,
  COST_NOTES,
  countsText,
  CsvWriter,
  FORMATS,
  formatOfAccept,
  formatOfPath,
  headers,
  jsonHead,
  jsonlRows,
  jsonlTail,
  jsonTail,
  MEDIA_TYPES,
  rowCells,
  safeCell,
  statusLabel,
  xlsxBytes,
  type Columns,
  type Format,
} from "./write.ts";
export {
  aidsOf,
  checkCaps,
  checkTableHeader,
  columnsFor,
  evaluateRow,
  fileEnvelope,
  fileError,
  formatPiece,
  headPiece,
  tailPiece,
  planFromCsv,
  prepareJson,
  prepareTable,
  tableRows,
  writePlan,
  type FileEnvelope,
  type PlanCaps,
  type PlanOptions,
  type PreparedPlan,
  type RowSource,
  type Target,
} from "./run.ts";
export { evaluateBatch, planBatches, type PlanBatch } from "./batches.ts";
