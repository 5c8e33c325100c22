/**
 * The example cases, as paths from the repository root: each aid's in rules/<aid>/examples/, the others (a plan,
 * a screening of every aid) in examples/.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const jsonIn = (dir: string) => (existsSync(`${root}${dir}`) ? readdirSync(`${root}${dir}`).filter((f) => f.endsWith(".json")).sort().map((f) => `${dir}/${f}`) : []);

export function exampleFiles(): string[] {
  const aids = readdirSync(`${root}rules`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return [...jsonIn("examples"), ...aids.flatMap((a) => jsonIn(`rules/${a}/examples`))];
}
