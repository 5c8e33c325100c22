/**
 * The État's design system (DSFR, @gouvfr/dsfr): its core (Marianne fonts, colours, grid, print rules) and the
 * components the app uses, imported once; Vite bundles the fonts and icons they name. The widget does not load it:
 * it keeps the host page's look. The DSFR's script is not loaded: React opens what it opens (the working's
 * accordion), and the page's policy allows scripts from its own origin only (packages/schema/src/headers.ts).
 */
import "@gouvfr/dsfr/dist/core/core.min.css";
import "@gouvfr/dsfr/dist/component/link/link.min.css";
import "@gouvfr/dsfr/dist/component/button/button.min.css";
import "@gouvfr/dsfr/dist/component/logo/logo.min.css";
import "@gouvfr/dsfr/dist/component/navigation/navigation.min.css";
import "@gouvfr/dsfr/dist/component/skiplink/skiplink.min.css";
import "@gouvfr/dsfr/dist/component/header/header.min.css";
import "@gouvfr/dsfr/dist/component/footer/footer.min.css";
import "@gouvfr/dsfr/dist/component/form/form.min.css";
import "@gouvfr/dsfr/dist/component/input/input.min.css";
import "@gouvfr/dsfr/dist/component/select/select.min.css";
import "@gouvfr/dsfr/dist/component/checkbox/checkbox.min.css";
import "@gouvfr/dsfr/dist/component/table/table.min.css";
import "@gouvfr/dsfr/dist/component/alert/alert.min.css";
import "@gouvfr/dsfr/dist/component/badge/badge.min.css";
import "@gouvfr/dsfr/dist/component/accordion/accordion.min.css";
