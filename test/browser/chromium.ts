/** Debian's chromium, driven by playwright-core (browsers cannot be downloaded from npm here). */
import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

/** Screenshots are kept as test artifacts in test-results/ (git-ignored). */
export function artifact(name: string) {
  const dir = new URL("../../test-results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  return new URL(name, dir).pathname;
}
