/** Styles of the dossier screens (DossierDesk and its parts), beside the calculator's `css`. */
export const dossierCss = `
.fne-signed-in { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; background: var(--fne-blue-bg); border-radius: 6px; padding: .5rem .75rem; margin: 0 0 1rem; }
.fne-signin { max-width: 32rem; }
.fne-new-dossier { max-width: 40rem; margin: 0 0 1.5rem; }
.fne-new-dossier h2 { font-size: 1.1rem; }
.fne-filters { margin: 0 0 1rem; }
.fne-table { width: 100%; border-collapse: collapse; }
.fne-table th, .fne-table td { text-align: left; padding: .4rem .75rem .4rem 0; border-bottom: 1px solid var(--fne-line); vertical-align: top; }
.fne-table thead th { font-size: .85rem; color: var(--fne-muted); }
.fne-dossier-head { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; }
.fne-dossier-head h2 { margin: 0; }
a.fne-button { text-decoration: none; display: inline-block; }
.fne-danger { border-color: var(--fne-ko); color: var(--fne-ko); }
.fne-danger:hover { background: var(--fne-ko-bg); }
.fne-history, .fne-compare, .fne-new-evaluation { margin: 1.5rem 0 0; }
.fne-history-list { list-style: none; padding: 0; margin: 0; }
.fne-history-item { border-bottom: 1px solid var(--fne-line); padding: .5rem 0; }
.fne-history-line { display: grid; grid-template-columns: auto 1fr auto; gap: .75rem; align-items: baseline; }
.fne-history-what { display: flex; flex-direction: column; gap: .1rem; }
.fne-tag { display: inline-block; align-self: flex-start; margin-left: .5rem; font-size: .8rem; border: 1px solid var(--fne-muted); color: var(--fne-muted); border-radius: 4px; padding: 0 .35rem; }
.fne-diff td { font-variant-numeric: tabular-nums; }
.fne-no-change { color: var(--fne-ok); font-weight: 600; }
.fne-sheet-facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.5rem; }
.fne-sheet-facts > div { display: contents; }
.fne-sheet-facts dd { margin: 0; font-weight: 600; }
`;
