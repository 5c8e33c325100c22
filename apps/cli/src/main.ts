#!/usr/bin/env node
/**
 * pnpm calc <case.json | ->          a Case → a Result (or a screening of every aid)
 * pnpm calc --article ID [--date D]  the article version in force on D (without D: every version)
 * JSON on stdout only; invalid input: exit 2 with the contract's Error on stdout.
 */
import { parseArgs } from "node:util";
import { evaluate, InputError } from "@fne/engine";
import { article } from "./article.ts";
import { fail, parseJson, print, readInput } from "./io.ts";

const usage = `usage: pnpm calc <case.json | -> | pnpm calc --article ID [--date YYYY-MM-DD]`;

function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { article: { type: "string" }, date: { type: "string" } },
  });
  if (values.article !== undefined && positionals.length === 0) return print(article(values.article, values.date));
  const file = positionals[0];
  if (file === undefined || positionals.length > 1 || values.article !== undefined || values.date !== undefined) throw new InputError("invalid_case", usage, [{ path: "(arguments)", message: usage }]);
  print(evaluate(parseJson(readInput(file))));
}

try {
  main(process.argv.slice(2));
} catch (e) {
  // parseArgs rejects unknown options with a TypeError carrying ERR_PARSE_ARGS_*.
  if ((e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) fail(new InputError("invalid_case", (e as Error).message, [{ path: "(arguments)", message: (e as Error).message }]));
  fail(e);
}
