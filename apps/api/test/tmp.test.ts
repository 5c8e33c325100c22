import { it } from "vitest";
import { buildServer } from "../src/server.ts";
it("x", async () => {
  const app = buildServer();
  const r = await app.inject({ method: "POST", url: "/v1/plans?date=2006-10-02&headcount=3", headers: { "content-type": "text/csv" }, payload: "id,aid\nE1,crp\n" });
  console.log(r.statusCode, r.headers, JSON.stringify(r.body).slice(0, 300));
  await app.close();
});
