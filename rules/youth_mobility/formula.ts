/** youth_mobility: prime de mobilité des jeunes (R322-27 … R322-32, 1983 text). */
import { formula } from "@fne/engine/formula";

export const youth_mobility = formula(
  {
    facts: { birthDate: "date", nationalServiceMonths: "number", startPointDate: "date", jobStartDate: "date" },
    constants: { ageLimitYears: "number", windowMonths: "number", minCddMonths: "number", minDistanceKm: "number", applicationMonths: "number" },
    parameters: [],
  },
  {
    derived: {
      // R322-27: under 26 on the first day of the first salaried job, the limit pushed back by the national service done.
      ageLimitDate: {
        label: { fr: "Limite d'âge (26 ans, reculée du service national accompli)", en: "Age limit (26, pushed back by the national service done)" },
        from: ["birthDate", "nationalServiceMonths"],
        compute: (c) => c.addYearsMonths(c.fact("birthDate"), c.constant("ageLimitYears"), c.fact("nationalServiceMonths")),
        // R322-27 al. 2 can only push the limit later: under 26 without any service is under the limit whatever the service.
        monotone: { nationalServiceMonths: 1 },
      },
      // R322-28 al. 1: the job starts within twelve months of the start point.
      windowEnd: {
        label: { fr: "Fin du délai de douze mois", en: "End of the twelve-month period" },
        from: ["startPointDate"],
        compute: (c) => c.addMonths(c.fact("startPointDate"), c.constant("windowMonths")),
      },
      // R322-32: the application within six months of taking up the job.
      applicationDeadline: {
        label: { fr: "Date limite de la demande", en: "Application deadline" },
        from: ["jobStartDate"],
        compute: (c) => c.addMonths(c.fact("jobStartDate"), c.constant("applicationMonths")),
      },
      minCddMonths: { label: { fr: "Durée minimale du CDD", en: "Shortest fixed-term contract" }, from: [], compute: (c) => c.count(c.constant("minCddMonths")), perSegment: true },
      minDistanceKm: { label: { fr: "Distance minimale", en: "Shortest distance" }, from: [], compute: (c) => c.count(c.constant("minDistanceKm")), perSegment: true },
    },
    compute: () => ({
      amounts: {},
      notes: [
        {
          fr: "Montant de la prime de mobilité des jeunes : hors de nos textes (L322-7 et ses arrêtés) ; seule l'éligibilité est donnée.",
          en: "Amount of the youth mobility premium: not in our texts (L322-7 and its arrêtés); eligibility only.",
        },
      ],
    }),
  },
);
