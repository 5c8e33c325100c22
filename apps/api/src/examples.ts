/**
 * The example files (each aid's in rules/<aid>/examples/, the plan and the screening in examples/), bundled with the
 * server: the runnable example of each route in the OpenAPI document and on /docs. One import per file
 * (apps/api/test/openapi.test.ts checks that every example file is here).
 */
import aidesIndividuelles from "../../../rules/aides_individuelles/examples/aides_individuelles.json" with { type: "json" };
import asfne from "../../../rules/asfne/examples/asfne.json" with { type: "json" };
import atd from "../../../rules/atd/examples/atd.json" with { type: "json" };
import conversion from "../../../rules/conversion/examples/conversion.json" with { type: "json" };
import crp from "../../../rules/crp/examples/crp.json" with { type: "json" };
import doubleResidence from "../../../rules/double_residence/examples/double_residence.json" with { type: "json" };
import jobSearchIndemnity from "../../../rules/job_search_indemnity/examples/job_search_indemnity.json" with { type: "json" };
import mobilityTransfer from "../../../rules/mobility_transfer/examples/mobility_transfer.json" with { type: "json" };
import mobilityTransferL3223 from "../../../rules/mobility_transfer_l322_3/examples/mobility_transfer_l322_3.json" with { type: "json" };
import plan from "../../../examples/plan.json" with { type: "json" };
import prp from "../../../rules/prp/examples/prp.json" with { type: "json" };
import relocation from "../../../rules/relocation/examples/relocation.json" with { type: "json" };
import screening from "../../../examples/screening.json" with { type: "json" };
import tempsPartiel from "../../../rules/temps_partiel/examples/temps_partiel.json" with { type: "json" };
import trainingLodging from "../../../rules/training_lodging/examples/training_lodging.json" with { type: "json" };
import transportVoucher from "../../../rules/transport_voucher/examples/transport_voucher.json" with { type: "json" };
import youthMobility from "../../../rules/youth_mobility/examples/youth_mobility.json" with { type: "json" };

type Json = Record<string, unknown>;

/** A plan of two employees as CSV (`,` between cells, decimal points), for the plans route. */
const csv = [
  "id,aid,economicDismissal,seniorityMonths,accepted,monthlyGrossSalary,averageMonthlyGrossLast12,averageMonthlyGrossLast3,difHoursBalance,netHourlyWage",
  "E001,crp,true,60,true,2500.00,2400.00,2600.00,100,12.00",
  "E002,crp,true,14,false,1800.00,1800.00,1800.00,20,9.50",
].join("\n");

export const examples = {
  /** POST /v1/evaluate, by file name: one case per aid, and a screening. */
  cases: {
    aides_individuelles: aidesIndividuelles as Json,
    asfne: asfne as Json,
    atd: atd as Json,
    conversion: conversion as Json,
    crp: crp as Json,
    double_residence: doubleResidence as Json,
    job_search_indemnity: jobSearchIndemnity as Json,
    mobility_transfer: mobilityTransfer as Json,
    mobility_transfer_l322_3: mobilityTransferL3223 as Json,
    prp: prp as Json,
    relocation: relocation as Json,
    screening: screening as Json,
    temps_partiel: tempsPartiel as Json,
    training_lodging: trainingLodging as Json,
    transport_voucher: transportVoucher as Json,
    youth_mobility: youthMobility as Json,
  },
  plan: plan as Json,
  csv,
};
