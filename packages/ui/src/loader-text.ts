/** The words the widget's loader shows before the rest is there: in their own file, so that the loader stays a few kB. */
export const loaderText = {
  loadingCalculator: { fr: "Chargement du calculateur…", en: "Loading the calculator…" },
  calculatorUnavailable: { fr: "Le calculateur n'a pas pu être chargé.", en: "The calculator could not be loaded." },
};
