/** Golden cases: prp, préretraite progressive (older L322-4 3°; loi 2003-775 art. 18 I). Eligibility only. */
import { describe, expect, it } from "vitest";
import { reason, run } from "../helpers.ts";

const facts = { birthDate: "1946-02-01", conventionDate: "2004-12-31", priorWeeklyHours: 35, newWeeklyHours: 17.5, annualReferenceWage: "30000" };
const prp = (f: object, date = "2006-03-01") => run({ aid: "prp", date, facts: { ...facts, ...f } });

describe("prp", () => {
  it("a convention signed on 2004-12-31 keeps producing effects: conditions met, amount not sourced", () => {
    const r = prp({});
    expect(r.status).toBe("undetermined");
    expect(reason(r, "prp.convention-before-2005").passed).toBe(true);
    expect(r.missing).toEqual(["arrete-1999-04-20"]);
    expect(r.notes.join(" ")).toMatch(/20 avril 1999/);
    expect(r.amounts).toEqual({});
  });

  it("a convention signed on 2005-01-01: ineligible, citing loi 2003-775 art. 18 I", () => {
    const r = prp({ conventionDate: "2005-01-01" });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "prp.convention-before-2005").citation.article).toBe("loi-2003-775-art-18");
  });

  it("cites the older wording of L322-4, the only one holding the 3°", () => {
    expect(reason(prp({}), "prp.part-time").citation).toMatchObject({ article: "L322-4", to: "2004-12-31", paragraph: 5 });
  });

  it("the job must become part time", () => {
    expect(prp({ newWeeklyHours: 35 }).status).toBe("ineligible");
    expect(prp({ newWeeklyHours: 0 }).status).toBe("ineligible");
  });

  it("no law after 2008-04-30", () => expect(prp({}, "2008-05-01").status).toBe("no_law"));
});

describe("prp — first version (earliest dated trace: 1984-04-01)", () => {
  it("no law on 1984-03-31; in force on 1984-04-01", () => {
    const f = { conventionDate: "1984-04-01", priorWeeklyHours: 39, newWeeklyHours: 19.5 };
    expect(prp(f, "1984-03-31").status).toBe("no_law");
    const first = prp(f, "1984-04-01");
    expect(first.status).toBe("undetermined");
    expect(first.missing).toEqual(["arrete-1999-04-20"]);
  });
});
