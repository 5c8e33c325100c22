import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.{ts,tsx}", "apps/*/test/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "test/browser/**"],
    pool: "threads",
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
