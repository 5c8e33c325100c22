/** Golden cases: aides_individuelles (L322-4, paragraph after 5°): discretionary, never an amount. */
import { describe, expect, it } from "vitest";
import { run } from "../helpers.ts";

describe("aides_individuelles", () => {
  it("is undetermined and explains the minister's discretion (older wording: comité supérieur de l'emploi, ¶7)", () => {
    const r = run({ aid: "aides_individuelles", date: "1996-03-01" });
    expect(r.status).toBe("undetermined");
    expect(r.amounts).toEqual({});
    expect(r.authority).toBe("ministre chargé du travail");
    expect(r.notes.join(" ")).toMatch(/comité supérieur de l'emploi/);
    expect(r.legalBasis).toEqual([{ article: "L322-4", from: null, to: "2004-12-31", paragraph: 7 }]);
  });

  it("from 2005 cites ¶8 of the 2005–2008 wording (Conseil national de l'emploi)", () => {
    const r = run({ aid: "aides_individuelles", date: "2006-03-01" });
    expect(r.notes.join(" ")).toMatch(/Conseil national de l'emploi/);
    expect(r.legalBasis).toEqual([{ article: "L322-4", from: "2005-01-01", to: "2008-04-30", paragraph: 8 }]);
  });

  it("no law on 1984-03-31; the older wording from 1984-04-01 (earliest dated trace of L322-4's older wording)", () => {
    const before = run({ aid: "aides_individuelles", date: "1984-03-31" });
    expect(before.status).toBe("no_law");
    expect(before.nearestVersions?.[0]).toMatchObject({ id: "aides_individuelles@L322-4-older", validFrom: "1984-04-01" });
    expect(run({ aid: "aides_individuelles", date: "1984-04-01" }).status).toBe("undetermined");
  });
});
