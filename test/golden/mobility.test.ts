/**
 * Golden cases: the mobility aids of the 1983 text (R322-11 … R322-32, version consolidée au 14 juillet 1983,
 * encoded from 1977-09-07 to 1983-07-23). Amounts computed by hand from the minimum garanti (MG) read in
 * rules/parameters/minimum_garanti.json: 11.96 FRF from 1983-07-01 (décret 83-565), 11.53 FRF from 1983-03-01
 * (décret 83-153, known until 1983-06-01), no value known in June 1983 nor before 1979-12-01.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "@fne/engine";
import { InputError } from "@fne/engine";
import { reason, run } from "../helpers.ts";

const DATE = "1983-07-14"; // MG = 11.96 FRF

describe("mobility_transfer — R322-11 to R322-14", () => {
  const facts = {
    category: "job_seeker",
    registeredOrCollectiveLayoff: true,
    trainingFollowedOrExempted: true,
    leavesUnderEmploymentRegion: true,
    toLabourShortageRegion: true,
    jobMatchesQualification: true,
    householdMonthlyResources: "9000.00",
    spouse: true,
    dependants: 2,
  };
  const mt = (f: Record<string, unknown>, date = DATE) => run({ aid: "mobility_transfer", date, facts: { ...facts, ...f } });

  it("the legal range in multiples of MG (R322-14 al. 4)", () => {
    // 800 × 11.96 = 9568.00 ; 2000 × 11.96 = 23920.00 ; threshold 1000 × 11.96 = 11960.00 ; 9000.00 ≤ 11960.00: not halved
    const r = mt({});
    expect(r.status).toBe("eligible");
    expect(r.currency).toBe("FRF");
    expect(r.amounts).toEqual({ minimum: "9568.00", maximum: "23920.00", resourcesThreshold: "11960.00", halved: false });
    expect(r.authority).toBe("préfet");
    expect(r.parameters).toEqual([expect.objectContaining({ id: "minimum_garanti", value: "11.96", from: "1983-07-01" })]);
    expect(r.entitlements).toHaveLength(3);
    expect(r.entitlements![0]).toContain("son conjoint et 2 personne(s) à charge");
    expect(r.entitlements![1]).toContain("dans les 6 mois");
  });

  it("resources of exactly 1,000 × MG do not 'exceed' it: not halved", () => {
    // 1000 × 11.96 = 11960.00 ; 11960.00 is not > 11960.00
    expect(mt({ householdMonthlyResources: "11960.00" }).amounts).toMatchObject({ minimum: "9568.00", maximum: "23920.00", halved: false });
  });

  it("resources one centime above 1,000 × MG: the range is halved", () => {
    // 11960.01 > 11960.00 → 9568.00 × 0.5 = 4784.00 ; 23920.00 × 0.5 = 11960.00
    expect(mt({ householdMonthlyResources: "11960.01" }).amounts).toEqual({ minimum: "4784.00", maximum: "11960.00", resourcesThreshold: "11960.00", halved: true });
  });

  it("an amount entered within the range is kept, at the bounds too", () => {
    // 9568.00 ≤ 15000.00 ≤ 23920.00 ; 9568.00 is the lower bound itself
    const inRange = mt({ requestedAmount: "15000.00" });
    expect(inRange.amounts).toMatchObject({ checkedAmount: "15000.00" });
    expect(inRange.details).toEqual({ requestedAmountInRange: true });
    const atBound = mt({ requestedAmount: "9568.00" });
    expect(atBound.amounts).toMatchObject({ checkedAmount: "9568.00" });
    expect(atBound.details).toEqual({ requestedAmountInRange: true });
  });

  it("an amount entered outside the halved range is brought to the nearest bound, with a note", () => {
    // halved range [4784.00, 11960.00]: 12000.00 → 11960.00 ; 4000.00 → 4784.00
    const above = mt({ householdMonthlyResources: "20000.00", requestedAmount: "12000.00" });
    expect(above.amounts).toMatchObject({ halved: true, checkedAmount: "11960.00" });
    expect(above.details).toEqual({ requestedAmountInRange: false });
    expect(above.notes.join(" ")).toMatch(/hors de la fourchette légale \[4784\.00 ; 11960\.00\]/);
    const below = mt({ householdMonthlyResources: "20000.00", requestedAmount: "4000" });
    expect(below.amounts).toMatchObject({ checkedAmount: "4784.00" });
    expect(below.details).toEqual({ requestedAmountInRange: false });
  });

  it("the MG of the date: 11.53 FRF in April 1983", () => {
    // 800 × 11.53 = 9224.00 ; 2000 × 11.53 = 23060.00 ; 1000 × 11.53 = 11530.00
    expect(mt({}, "1983-04-15").amounts).toMatchObject({ minimum: "9224.00", maximum: "23060.00", resourcesThreshold: "11530.00" });
  });

  it.each(["1983-06-15", "1978-06-01"])("no MG encoded on %s: undetermined, minimum_garanti missing", (date) => {
    const r = mt({}, date);
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["minimum_garanti"]);
    expect(r.amounts).toEqual({});
  });

  it("a minimum_garanti override fills the gap (what-if)", () => {
    // 800 × 11.75 = 9400.00 ; 2000 × 11.75 = 23500.00 ; 1000 × 11.75 = 11750.00
    const r = run({ aid: "mobility_transfer", date: "1983-06-15", facts, parameters: { minimum_garanti: "11.75" } });
    expect(r.status).toBe("eligible");
    expect(r.amounts).toMatchObject({ minimum: "9400.00", maximum: "23500.00", resourcesThreshold: "11750.00" });
    expect(r.parameters).toEqual([expect.objectContaining({ id: "minimum_garanti", value: "11.75", overridden: true })]);
  });

  it("farmers under décret 69-189 are excluded (R322-12 al. 3)", () => {
    const r = mt({ category: "farmer_mutation" });
    expect(r.status).toBe("ineligible");
    expect(r.reasons.filter((x) => !x.passed).map((x) => x.rule)).toEqual(["mobility_transfer.not-farmer"]);
    expect(reason(r, "mobility_transfer.not-farmer").citation).toMatchObject({ article: "R322-12", paragraph: 3 });
  });

  it.each([
    ["registeredOrCollectiveLayoff", "mobility_transfer.registered", 3],
    ["trainingFollowedOrExempted", "mobility_transfer.training", 4],
    ["leavesUnderEmploymentRegion", "mobility_transfer.leaves-region", 5],
    ["toLabourShortageRegion", "mobility_transfer.shortage-region", 6],
    ["jobMatchesQualification", "mobility_transfer.qualification", 6],
  ])("R322-11: %s false alone makes a job seeker ineligible", (fact, rule, paragraph) => {
    const r = mt({ [fact]: false });
    expect(r.status).toBe("ineligible");
    expect(r.reasons.filter((x) => !x.passed).map((x) => x.rule)).toEqual([rule]);
    expect(reason(r, rule).citation).toMatchObject({ article: "R322-11", paragraph, from: "1977-09-07", to: "1983-07-23" });
  });

  it("R322-12 beneficiaries must meet the conditions of R322-11", () => {
    expect(mt({ category: "after_national_service", trainingFollowedOrExempted: false }).status).toBe("ineligible");
    expect(mt({ category: "self_employed_switch" }).status).toBe("eligible");
  });

  it("R322-13 beneficiaries do not need the R322-11 conditions; the employer's reimbursement is noted", () => {
    const r = mt({ category: "restructuring_transfer", registeredOrCollectiveLayoff: false, trainingFollowedOrExempted: false, leavesUnderEmploymentRegion: false });
    expect(r.status).toBe("eligible");
    expect(r.notes.join(" ")).toMatch(/R322-13, al\. 3/);
  });

  it("a missing condition fact is named", () => {
    const { registeredOrCollectiveLayoff: _, ...rest } = facts;
    const r = run({ aid: "mobility_transfer", date: DATE, facts: rest });
    expect(r.status).toBe("undetermined");
    expect(r.missing).toEqual(["registeredOrCollectiveLayoff"]);
  });

  it("in force on 1983-07-23; no law from 1983-07-24 (renumbered: FNE and comité supérieur de l'emploi)", () => {
    expect(mt({}, "1983-07-23").status).toBe("eligible");
    const r = mt({}, "1983-07-24");
    expect(r.status).toBe("no_law");
    expect(r.nearestVersions).toEqual([{ id: "mobility_transfer@R322-14", validFrom: "1977-09-07", validTo: "1983-07-23" }]);
    expect(r.successor).toEqual({ articles: [], from: "1983-07-24" });
    expect(r.notes.join(" ")).toMatch(/Fonds national de l'emploi/);
    expect(r.notes.join(" ")).toMatch(/comité supérieur de l'emploi/);
  });

  it("no law before 1977-09-07 (start not in our sources)", () => {
    const r = mt({}, "1977-09-06");
    expect(r.status).toBe("no_law");
    expect(r.nearestVersions?.[0]?.validFrom).toBe("1977-09-07");
  });
});

describe("mobility_transfer_l322_3 — R322-14-1", () => {
  it("the same range, no halving", () => {
    // 800 × 11.96 = 9568.00 ; 2000 × 11.96 = 23920.00
    const r = run({ aid: "mobility_transfer_l322_3", date: DATE, facts: { spouse: false, dependants: 0 } });
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({ minimum: "9568.00", maximum: "23920.00" });
    expect(r.authority).toBe("préfet");
    expect(r.entitlements![0]).toContain("l'intéressé et 0 personne(s) à charge");
  });

  it("checks an amount entered", () => {
    // 30000.00 > 23920.00 → 23920.00
    const r = run({ aid: "mobility_transfer_l322_3", date: DATE, facts: { spouse: true, dependants: 1, requestedAmount: "30000.00" } });
    expect(r.amounts).toEqual({ minimum: "9568.00", maximum: "23920.00" });
    expect(r.details).toEqual({ checkedAmount: "23920.00", requestedAmountInRange: false });
  });

  it("a worker stated not to be one of L322-3 al. 3: ineligible", () => {
    const r = run({ aid: "mobility_transfer_l322_3", date: DATE, facts: { spouse: false, dependants: 0, outsideL3223: true } });
    expect(r.status).toBe("ineligible");
  });
});

describe("double_residence — R322-17", () => {
  const facts = { registeredJobSeeker: true, hasFamilyCharge: true, cannotMoveHouseholdSoon: true, newJobRequiresMove: true, startDate: "1983-07-11", days: 90 };

  it("3 × MG a day", () => {
    // 3 × 11.96 = 35.88 ; 35.88 × 90 = 3229.20
    const r = run({ aid: "double_residence", date: DATE, facts });
    expect(r.amounts).toEqual({ dailyAmount: "35.88", paidDays: 90, total: "3229.20" });
    expect(r.capApplied).toBe(false);
    expect(r.authority).toBeNull();
  });

  it("past six months: paid for six months only", () => {
    // 1983-01-10 → 1983-07-10 = 31 + 28 + 31 + 30 + 31 + 30 = 181 days ; 35.88 × 181 = 6494.28
    const r = run({ aid: "double_residence", date: DATE, facts: { ...facts, startDate: "1983-01-10", days: 200 } });
    expect(r.amounts).toEqual({ dailyAmount: "35.88", paidDays: 181, total: "6494.28" });
    expect(r.capApplied).toBe(true);
    expect(r.periods).toEqual([{ label: "jours payés", days: 181, amount: "35.88", unit: "day" }]);
  });

  it("exactly six months is paid in full", () => {
    // 181 days claimed, 181 days in the six months: 35.88 × 181 = 6494.28
    const r = run({ aid: "double_residence", date: DATE, facts: { ...facts, startDate: "1983-01-10", days: 181 } });
    expect(r.amounts).toMatchObject({ paidDays: 181, total: "6494.28" });
    expect(r.capApplied).toBe(false);
  });

  it("without a family to support: ineligible (R322-17 al. 1)", () => {
    const r = run({ aid: "double_residence", date: DATE, facts: { ...facts, hasFamilyCharge: false } });
    expect(r.status).toBe("ineligible");
    expect(reason(r, "double_residence.family").citation).toMatchObject({ article: "R322-17", paragraph: 1 });
  });
});

describe("training_lodging — R322-18", () => {
  const facts = { registeredJobSeeker: true, paidTraining: true, centreLodgesFree: false, tooFarToReturnDaily: true, nightlyCost: "30.00", nights: 20 };

  it("actual cost below the cap", () => {
    // cap 3 × 11.96 = 35.88 ; 30.00 < 35.88 → 30.00 × 20 = 600.00
    const r = run({ aid: "training_lodging", date: DATE, facts });
    expect(r.amounts).toEqual({ dailyCap: "35.88", dailyReimbursed: "30.00", total: "600.00" });
    expect(r.capApplied).toBe(false);
  });

  it("actual cost above the cap", () => {
    // 50.00 > 35.88 → 35.88 × 20 = 717.60
    const r = run({ aid: "training_lodging", date: DATE, facts: { ...facts, nightlyCost: "50.00" } });
    expect(r.amounts).toEqual({ dailyCap: "35.88", dailyReimbursed: "35.88", total: "717.60" });
    expect(r.capApplied).toBe(true);
  });

  it("a centre that lodges trainees for free: ineligible", () => {
    expect(run({ aid: "training_lodging", date: DATE, facts: { ...facts, centreLodgesFree: true } }).status).toBe("ineligible");
  });
});

describe("job_search_indemnity, transport_voucher, relocation — eligibility and entitlements", () => {
  it("job_search_indemnity (R322-16): the job must be neither seasonal nor temporary", () => {
    const facts = { registeredJobSeeker: true, jobOfferExists: true, jobNotSeasonalOrTemporary: true, fitForJob: true };
    const r = run({ aid: "job_search_indemnity", date: DATE, facts });
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({});
    expect(r.entitlements).toHaveLength(2);
    const no = run({ aid: "job_search_indemnity", date: DATE, facts: { ...facts, jobNotSeasonalOrTemporary: false } });
    expect(reason(no, "job_search_indemnity.not-seasonal").citation).toMatchObject({ article: "R322-16", paragraph: 3 });
    expect(no.status).toBe("ineligible");
  });

  it("transport_voucher (R322-15)", () => {
    const facts = { registeredJobSeeker: true, summonedByAgency: true, travelExceedsMinimum: true };
    expect(run({ aid: "transport_voucher", date: DATE, facts }).entitlements).toHaveLength(1);
    expect(run({ aid: "transport_voucher", date: DATE, facts: { ...facts, travelExceedsMinimum: false } }).status).toBe("ineligible");
  });

  it("relocation (R322-25, R322-26): travel, furniture within six months, reinstallation", () => {
    const facts = { employmentConditionsChanged: true, localOptionsExhausted: true, movesForOfferedJob: true, sectorCovered: true, spouse: true, dependants: 1 };
    const r = run({ aid: "relocation", date: DATE, facts });
    expect(r.status).toBe("eligible");
    expect(r.entitlements).toHaveLength(3);
    expect(r.entitlements![1]).toMatch(/6 mois.*préfet/);
    expect(run({ aid: "relocation", date: DATE, facts: { ...facts, localOptionsExhausted: false } }).status).toBe("ineligible");
  });
});

describe("youth_mobility — R322-27 to R322-32", () => {
  // Age limit: 1960-03-15 + 26 years + 12 months of national service = 1987-03-15 > 1983-05-02.
  // Window: 1982-09-30 + 12 months = 1983-09-30 ≥ 1983-05-02. Application deadline: 1983-05-02 + 6 months = 1983-11-02.
  const facts = {
    birthDate: "1960-03-15",
    jobStartDate: "1983-05-02",
    fullTime: true,
    contract: "cdi",
    distanceKm: 45,
    startPointDate: "1982-09-30",
    applicationDate: "1983-07-14",
    nationalServiceMonths: 12,
    workplaceDepartement: "69",
  };
  const ym = (f: Record<string, unknown>, date = DATE) => run({ aid: "youth_mobility", date, facts: { ...facts, ...f } });
  const failing = (f: Record<string, unknown>) => ym(f).reasons.filter((x) => x.passed === false).map((x) => x.rule);

  it("eligible; the préfet of the workplace's département decides (R322-31)", () => {
    const r = ym({});
    expect(r.status).toBe("eligible");
    expect(r.amounts).toEqual({});
    expect(r.authority).toBe("préfet du département 69");
    expect(ym({ workplaceDepartement: "2A" }).authority).toBe("préfet du département 2A");
    const { workplaceDepartement: _, ...rest } = facts;
    expect(run({ aid: "youth_mobility", date: DATE, facts: rest }).authority).toBe("préfet du département du lieu de travail");
  });

  it("26 on the day the job starts is not 'under 26'; national service pushes the limit back", () => {
    // 1957-05-02 + 26 years = 1983-05-02: not < 1983-05-02 → fails
    expect(failing({ birthDate: "1957-05-02", nationalServiceMonths: 0 })).toEqual(["youth_mobility.age"]);
    // + 1 month of service: limit 1983-06-02 > 1983-05-02 → passes
    expect(ym({ birthDate: "1957-05-02", nationalServiceMonths: 1 }).status).toBe("eligible");
  });

  it("a part-time job fails alone", () => {
    expect(failing({ fullTime: false })).toEqual(["youth_mobility.full-time"]);
  });

  it("a CDD of under six months fails alone; six months passes", () => {
    expect(failing({ contract: "cdd", cddMonths: 5 })).toEqual(["youth_mobility.contract"]);
    expect(ym({ contract: "cdd", cddMonths: 6 }).status).toBe("eligible");
    expect(ym({ contract: "cdd" }).missing).toEqual(["cddMonths"]);
  });

  it("under 30 km fails alone; 30 km passes", () => {
    expect(failing({ distanceKm: 29.9 })).toEqual(["youth_mobility.distance"]);
    expect(ym({ distanceKm: 30 }).status).toBe("eligible");
  });

  it("the twelve-month window includes its anniversary day", () => {
    // 1982-05-02 + 12 months = 1983-05-02 = job start → inside
    expect(ym({ startPointDate: "1982-05-02" }).status).toBe("eligible");
    // 1982-05-01 + 12 months = 1983-05-01 < 1983-05-02 → outside
    expect(failing({ startPointDate: "1982-05-01" })).toEqual(["youth_mobility.window"]);
    // a job started before the start point is not within the period
    expect(failing({ startPointDate: "1983-06-01" })).toEqual(["youth_mobility.window"]);
  });

  it("the application within six months of the job start (R322-32)", () => {
    // 1983-05-02 + 6 months = 1983-11-02 → inside ; 1983-11-03 → outside
    expect(ym({ applicationDate: "1983-11-02" }).status).toBe("eligible");
    expect(failing({ applicationDate: "1983-11-03" })).toEqual(["youth_mobility.application"]);
    expect(failing({ applicationDate: "1983-05-01" })).toEqual(["youth_mobility.application"]);
  });

  it("a département that does not exist is an input error naming the field", () => {
    try {
      evaluate({ aid: "youth_mobility", date: DATE, facts: { ...facts, workplaceDepartement: "20" } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).issues.map((i) => i.path)).toEqual(["facts.workplaceDepartement"]);
    }
  });
});

describe("every mobility aid ends on 1983-07-23", () => {
  it.each(["mobility_transfer", "mobility_transfer_l322_3", "double_residence", "training_lodging", "job_search_indemnity", "transport_voucher", "relocation", "youth_mobility"])(
    "%s: no_law on 1983-07-24, naming the renumbering",
    (aid) => {
      const r = run({ aid, date: "1983-07-24" });
      expect(r.status).toBe("no_law");
      expect(r.successor?.from).toBe("1983-07-24");
      expect(r.notes.join(" ")).toMatch(/24 juillet 1983.*Fonds national de l'emploi/);
    },
  );
});

describe("examples/ of the mobility aids", () => {
  it.each(["mobility_transfer", "mobility_transfer_l322_3", "double_residence", "training_lodging", "job_search_indemnity", "transport_voucher", "relocation", "youth_mobility"])(
    "examples/%s.json is eligible",
    async (aid) => {
      const { default: c } = await import(`../../examples/${aid}.json`);
      expect(run(c).status).toBe("eligible");
    },
  );
});
