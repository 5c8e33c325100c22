/**
 * The components' styles as CSS strings: the web app puts them in a <style> of the page, the widget in its
 * shadow root. Everything hangs under .fne (no styling of html/body); colours meet WCAG AA (4.5:1 for text).
 */
/** Layout, shared by the web app (which takes its look from the État's design system, DSFR) and the widget. */
export const layoutCss = `
.fne { --fne-ink: #1b1b1f; --fne-muted: #4a4f5c; --fne-blue: #1d3f8f; --fne-blue-bg: #e9eef9; --fne-line: #c4c9d4;
  --fne-focus: #c24e00; --fne-ok: #1a6431; --fne-ok-bg: #e2f3e6; --fne-ko: #a0191e; --fne-ko-bg: #fbe7e7;
  --fne-unk: #6d4300; --fne-unk-bg: #fff1cf; --fne-none: #3f434d; --fne-none-bg: #eceef2;
  }
.fne *, .fne *::before, .fne *::after { box-sizing: border-box; }
.fne p { margin: .25rem 0; }
.fne :focus-visible { outline: 3px solid var(--fne-focus); outline-offset: 2px; }
.fne-link { border: 0; background: none; padding: 0; color: var(--fne-blue); text-decoration: underline; cursor: pointer; }
.fne-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
.fne-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .75rem 1.25rem; align-items: start; }
.fne-field { display: flex; flex-direction: column; gap: .2rem; }
.fne-optional { font-weight: 400; color: var(--fne-muted); }
.fne-input-unit { display: flex; align-items: center; gap: .4rem; }
.fne-input-unit > span { color: var(--fne-muted); white-space: nowrap; min-width: 2.5rem; }
.fne-fieldset { border: 1px solid var(--fne-line); border-radius: 6px; padding: .75rem 1rem 1rem; margin: 1rem 0 0; }
.fne-fieldset > legend { font-weight: 700; color: var(--fne-blue); padding: 0 .35rem; }
.fne-actions { display: flex; gap: .75rem; flex-wrap: wrap; margin: 1rem 0; }
.fne-output:focus { outline: none; }
.fne-output:focus-visible { outline: 3px solid var(--fne-focus); }
.fne-result { border: 1px solid var(--fne-line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1rem; }
.fne-result section { margin-top: 1rem; }
.fne-result-head { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; }
.fne-result-head h2, .fne-result-head h3 { margin: 0; }
.fne-meta { display: flex; flex-wrap: wrap; gap: .25rem 2rem; margin: .75rem 0 0; }
.fne-meta dt { font-size: .8rem; color: var(--fne-muted); text-transform: uppercase; letter-spacing: .03em; }
.fne-meta dd { margin: 0; font-weight: 600; }
.fne table { border-collapse: collapse; }
.fne-amounts { width: 100%; max-width: 48rem; }
.fne-amounts th, .fne-amounts td { text-align: left; padding: .35rem 1.5rem .35rem 0; border-bottom: 1px solid var(--fne-line); vertical-align: top; }
.fne-amounts th { font-weight: 400; }
.fne-amounts td { text-align: right; font-variant-numeric: tabular-nums; font-weight: 700; padding-right: 0; }
.fne-euro { display: block; font-weight: 400; color: var(--fne-muted); font-size: .875rem; }
.fne-period { display: block; color: var(--fne-muted); font-size: .875rem; }
.fne-amounts .fne-working-row td { text-align: left; font-weight: 400; padding: 0 0 .5rem; }
.fne-working-body { font-size: .9rem; max-width: 48rem; }
.fne-formula { font-variant-numeric: tabular-nums; }
.fne-working-body > .fne-formula { font-weight: 700; margin: .35rem 0; }
.fne-steps { margin: .15rem 0 .15rem; padding-left: 1.25rem; }
.fne-steps li { margin: .2rem 0; }
.fne-steps .fne-formula { color: var(--fne-muted); margin: 0; }
.fne-step-note { color: var(--fne-muted); }
.fne-steps .fne-cite { margin: 0; }
.fne-missing-texts, .fne-missing-values { border-left: 4px solid var(--fne-none); background: var(--fne-none-bg); padding: .5rem .75rem; }
.fne-periods, .fne-notes, .fne-reasons { margin: 0; padding: 0; list-style: none; }
.fne-periods li { display: flex; gap: 1rem; justify-content: space-between; max-width: 32rem; border-bottom: 1px dotted var(--fne-line); padding: .2rem 0; }
.fne-notes li { padding: .3rem 0 .3rem .75rem; border-left: 3px solid var(--fne-line); margin: .3rem 0; }
.fne-reason { display: grid; grid-template-columns: 1.5rem 7rem 1fr auto; gap: .5rem; align-items: baseline; padding: .4rem 0; border-bottom: 1px solid var(--fne-line); }
.fne-mark { font-weight: 700; text-align: center; }
.fne-reason-state { font-weight: 700; font-size: .9rem; }
.fne-reason-passed .fne-mark, .fne-reason-passed .fne-reason-state { color: var(--fne-ok); }
.fne-reason-failed .fne-mark, .fne-reason-failed .fne-reason-state { color: var(--fne-ko); }
.fne-reason-notKnown .fne-mark, .fne-reason-notKnown .fne-reason-state { color: var(--fne-unk); }
.fne-cite { border: 1px solid var(--fne-line); background: var(--fne-blue-bg); color: var(--fne-blue); border-radius: 4px; padding: .05rem .5rem; cursor: pointer; font-size: .875rem; white-space: nowrap; margin: 0 .35rem .25rem 0; }
.fne-cite:hover { border-color: var(--fne-blue); }
.fne-missing { border-left: 4px solid var(--fne-unk); background: var(--fne-unk-bg); padding: .5rem .75rem; }
.fne-params th, .fne-params td { text-align: left; padding: .25rem 1rem .25rem 0; border-bottom: 1px solid var(--fne-line); font-size: .9rem; }
.fne-cap { font-weight: 600; color: var(--fne-unk); }
.fne-article { position: fixed; top: 0; right: 0; bottom: 0; width: min(40rem, 100%); background: #fff; border-left: 3px solid var(--fne-blue);
  box-shadow: -8px 0 24px rgba(0,0,0,.2); padding: 1rem 1.5rem; overflow: auto; z-index: 1000; }
.fne-article header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
.fne-article-title { font-weight: 600; }
.fne-article-span { color: var(--fne-muted); font-size: .9rem; }
.fne-paragraphs { padding-left: 1.75rem; }
.fne-paragraphs li { margin: .5rem 0; padding: .25rem .5rem; }
.fne-cited { background: #fff1cf; border-left: 4px solid var(--fne-focus); }
.fne-screening-list { list-style: none; padding: 0; margin: 0; }
.fne-screening-list > li { margin: 0 0 .5rem; }
.fne-disclosure { display: flex; width: 100%; justify-content: space-between; align-items: center; gap: 1rem; text-align: left;
  border: 1px solid var(--fne-line); border-radius: 6px; background: #f6f7f9; padding: .6rem 1rem; cursor: pointer; font-weight: 600; }
.fne-disclosure::before { content: "▸"; color: var(--fne-blue); }
.fne-disclosure[aria-expanded="true"]::before { content: "▾"; }
.fne-collapsed > .fne-disclosed { display: none; }
.fne-disclosure-text { flex: 1; display: flex; flex-direction: column; }
.fne-hint { font-weight: 400; font-size: .875rem; color: var(--fne-muted); }
.fne-printonly { display: none; }
.fne-summary dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.5rem; }
.fne-summary dl > div { display: contents; }
.fne-summary dt { color: var(--fne-muted); } .fne-summary dd { margin: 0; }
.fne-plan-outcome { margin-top: 1.5rem; }
.fne-drop { border: 2px dashed #6b7180; border-radius: 8px; padding: 1.5rem; text-align: center; background: #f6f7f9; }
.fne .fne-file { position: absolute; width: 1px; height: 1px; min-height: 0; padding: 0; border: 0; opacity: 0; overflow: hidden; clip-path: inset(50%); }
.fne-drop:focus-within { outline: 3px solid var(--fne-focus); outline-offset: 2px; }
.fne-drop-active { border-color: var(--fne-blue); background: var(--fne-blue-bg); }
.fne-progress { width: 100%; height: 1.25rem; }
.fne-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: 1rem; margin: 1rem 0; }
.fne-counts { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
.fne-card { border: 1px solid var(--fne-line); border-radius: 6px; padding: .75rem 1rem; }
.fne-card dt { color: var(--fne-muted); font-size: .9rem; }
.fne-card dd { margin: 0; font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.fne-table-wrap { overflow-x: auto; }
.fne-plan-table { width: 100%; font-size: .9rem; }
.fne-plan-table th, .fne-plan-table td { padding: .35rem .6rem; border-bottom: 1px solid var(--fne-line); text-align: left; white-space: nowrap; }
.fne-plan-table td.fne-num, .fne-plan-table th.fne-num { text-align: right; font-variant-numeric: tabular-nums; }
.fne-plan-table td.fne-wrap { white-space: normal; min-width: 14rem; }
.fne-sort { border: 0; background: none; font-weight: 700; cursor: pointer; padding: 0; color: var(--fne-blue); }
.fne-toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
.fne-toolbar .fne-field { min-width: 12rem; }
.fne-check { display: flex; gap: .5rem; align-items: center; font-weight: 600; }
.fne-check input { width: 1.2rem; min-height: 1.2rem; }
.fne-compare th, .fne-compare td { padding: .35rem 1rem; border-bottom: 1px solid var(--fne-line); text-align: right; font-variant-numeric: tabular-nums; }
.fne-compare th:first-child { text-align: left; }
.fne-chart text { font: 13px system-ui, sans-serif; fill: var(--fne-ink); }
.fne-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.fne-blank { display: inline-block; min-width: 16em; border-bottom: 1px solid currentColor; height: 1.1em; vertical-align: bottom; }
.fne-sheet { color: #000; font-size: 9.5pt; line-height: 1.3; }
.fne-sheet h2 { font-size: 13pt; color: #000; margin: 0 0 .3rem; }
.fne-sheet h3 { font-size: 10.5pt; color: #000; border-bottom: 1px solid #000; margin: .6rem 0 .25rem; padding-bottom: .1rem; break-after: avoid-page; }
.fne-sheet h4 { font-size: 9.5pt; color: #000; margin: .35rem 0 .1rem; break-after: avoid-page; }
.fne-sheet p { margin: .1rem 0; font-size: inherit; line-height: inherit; } /* not the design system's paragraph size */
.fne-sheet ul { margin: .1rem 0; padding-left: 1.1rem; }
.fne-sheet-head { border-bottom: 2px solid #000; padding-bottom: .3rem; }
.fne-sheet-id { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: .35rem 1rem; margin: .25rem 0 0; }
.fne-sheet-id > div, .fne-sheet-facts > div { display: contents; }
.fne-sheet-id dt, .fne-sheet-facts dt { color: #333; }
.fne-sheet-id dd { margin: 0; font-weight: 700; }
.fne-sheet-facts { display: grid; grid-template-columns: max-content 1fr; gap: .05rem 1rem; margin: 0; }
.fne-sheet-facts dd { margin: 0; font-weight: 600; }
.fne-sheet-meta { font-size: 9pt; }
.fne-sheet-amounts { width: 100%; border-collapse: collapse; }
.fne-sheet-amounts th, .fne-sheet-amounts td { text-align: left; vertical-align: top; padding: .2rem .5rem .2rem 0; border-bottom: 1px solid #999; }
.fne-sheet-amounts th { font-weight: 400; width: 24%; }
.fne-sheet-amounts .fne-period, .fne-sheet-amounts .fne-euro { font-size: 8.5pt; color: #333; }
.fne-sheet-value { font-weight: 700; white-space: nowrap; width: 16%; }
.fne-sheet-working { font-size: 8.5pt; }
.fne-sheet-calc .fne-formula { font-weight: 700; margin: 0; }
.fne-sheet-steps { margin: 0; padding-left: .9rem; }
.fne-sheet-formula { color: #333; }
.fne-sheet cite { font-style: normal; }
.fne-sheet-notes, .fne-sheet-others { font-size: 8.5pt; }
.fne-sheet-foot { margin-top: .6rem; border-top: 1px solid #000; padding-top: .25rem; font-size: 8.5pt; break-inside: avoid-page; }
.fne-sheet-sign { margin-top: 1.2rem !important; font-size: 9.5pt; }
.fne-sheet .fne-table { font-size: 8.5pt; }
@page { size: A4; margin: 12mm 14mm; }
@media print {
  .fne { font-size: 11pt; }
  .fne-noprint, .fne-article, .fne-cite::after { display: none !important; }
  .fne-printonly { display: block; }
  .fne-disclosure::before { content: none; }
  .fne-result, .fne-disclosure { break-inside: avoid-page; border-color: #888; }
  .fne-cite { border: 0; background: none; padding: 0; color: #000; }
  .fne-sheet { font-size: 9.5pt; }
  .fne-sheet-amounts tr, .fne-sheet-reasons li, .fne-sheet-facts > div { break-inside: avoid-page; }
}
`;

/**
 * The widget's own look (its shadow root has no design system: the host page's colours stay the host's): fonts,
 * headings, fields, buttons, alerts, status badges, the fold of the working.
 */
export const lookCss = `
.fne { font: 16px/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fne-ink); background: #fff; }
.fne h1, .fne h2, .fne h3, .fne h4 { line-height: 1.25; margin: 0 0 .5rem; color: var(--fne-blue); }
.fne h1 { font-size: 1.6rem; } .fne h2 { font-size: 1.3rem; } .fne h3 { font-size: 1.1rem; } .fne h4 { font-size: 1rem; }
.fne button { font: inherit; }
.fne input, .fne select { font: inherit; color: inherit; }
.fne input, .fne select { border: 1px solid #6b7180; border-radius: 4px; padding: .4rem .5rem; background: #fff; min-height: 2.4rem; width: 100%; }
.fne input[aria-invalid="true"], .fne select[aria-invalid="true"] { border: 2px solid var(--fne-ko); }
.fne-button { border: 1px solid var(--fne-blue); background: #fff; color: var(--fne-blue); border-radius: 4px; padding: .45rem 1rem; cursor: pointer; }
.fne-button:hover { background: var(--fne-blue-bg); }
.fne-primary { background: var(--fne-blue); color: #fff; }
.fne-primary:hover { background: #15306d; }
.fne-button:disabled { opacity: .6; cursor: progress; }
.fne-field > label { font-weight: 600; }
.fne-help { font-size: .875rem; color: var(--fne-muted); }
.fne-error { font-size: .9rem; color: var(--fne-ko); font-weight: 600; }
.fne-error::before { content: "⚠ "; }
.fne-alert { border: 2px solid var(--fne-ko); background: var(--fne-ko-bg); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.fne-alert ul { margin: .25rem 0 0; padding-left: 1.25rem; }
.fne-status { display: inline-block; border-radius: 999px; padding: .1rem .75rem; font-weight: 700; font-size: .9rem; border: 1px solid currentColor; white-space: nowrap; }
.fne-status-eligible { color: var(--fne-ok); background: var(--fne-ok-bg); }
.fne-status-ineligible, .fne-status-invalid { color: var(--fne-ko); background: var(--fne-ko-bg); }
.fne-status-undetermined { color: var(--fne-unk); background: var(--fne-unk-bg); }
.fne-status-no_law { color: var(--fne-none); background: var(--fne-none-bg); }
.fne-working-toggle { border: 0; background: none; padding: 0; cursor: pointer; color: var(--fne-blue); font-size: .9rem; }
.fne-working-toggle::before { content: "▸ "; }
.fne-working-toggle[aria-expanded="true"]::before { content: "▾ "; }
.fne-working:has([aria-expanded="true"]) { background: #f6f7f9; border-radius: 4px; padding: .25rem .75rem .5rem; }
`;

/** Everything the widget and the iframe mode need. */
export const css = lookCss + layoutCss;
