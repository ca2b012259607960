/**
 * The pages' one stylesheet (served as `/revisjon/stil.css`, so the Content-Security-Policy needs no
 * inline styles). Colours keep WCAG 2.1 AA contrast; print is A4 landscape (the tables are wide), a running header
 * (set per page, see `print-header.ts`) and «Side X av Y».
 */
export const stylesheet = `
:root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #b8b8b8; --accent: #0b4f8a; --ok: #1d6b2f; --fail: #a4161a;
  --late: #7a4b00; --bg-soft: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
  background: #fff; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 10; }
.site { background: #0b2f52; color: #fff; padding: .6rem 1.2rem; display: flex; flex-wrap: wrap; gap: .6rem 1.5rem;
  align-items: center; }
.site a { color: #fff; }
.brand { font-weight: 700; margin: 0; }
.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0; padding: 0; }
.site nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.user { margin-left: auto; display: flex; gap: .6rem; align-items: center; }
.user form { margin: 0; }
button { font: inherit; padding: .3rem .8rem; border: 1px solid #0b2f52; background: #fff; color: #0b2f52;
  border-radius: 3px; cursor: pointer; }
main { padding: 1rem 1.2rem 2rem; max-width: 90rem; }
h1 { font-size: 1.6rem; margin: .4rem 0 .8rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.time { background: var(--bg-soft); border: 1px solid var(--line); padding: .6rem .8rem; margin: 0 0 1rem; }
.time fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.2rem;
  align-items: end; }
.time legend { font-weight: 700; padding: 0; margin-bottom: .3rem; }
.time label { display: block; font-weight: 600; }
.time input, .time select { font: inherit; padding: .2rem .3rem; }
.hint, .muted { color: var(--muted); font-size: .9em; }
.now { margin: .3rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.holds { color: var(--ok); font-weight: 700; }
.fails { color: var(--fail); font-weight: 700; }
.late { color: var(--late); font-weight: 700; }
.chain { list-style: none; padding: 0; margin: 0; }
.chain > li { border: 1px solid var(--line); border-left: 6px solid var(--ok); padding: .5rem .8rem; margin: 0 0 .6rem; }
.chain > li.failed { border-left-color: var(--fail); }
.chain > li > :first-child { margin-top: .2rem; }
.chain dl, .facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.correction { background: #fff6d6; border: 1px solid #d8b200; padding: .3rem .6rem; margin: .3rem 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .8rem; padding: 0;
  list-style: none; }
.cards li { border: 1px solid var(--line); padding: .6rem .8rem; }
.months { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .8rem; }
.months section { border: 1px solid var(--line); padding: .4rem .7rem; }
.months h2 { margin: .2rem 0 .4rem; font-size: 1.1rem; }
.months ul { margin: 0; padding-left: 1.1rem; }
.matrix { max-width: 34rem; }
.timeline { width: 100%; max-width: 60rem; }
.tree, .tree ul { padding-left: 1.3rem; }
.tree li { margin: .2rem 0; }
.matrix text { font: 14px system-ui, sans-serif; }
.notice { border: 1px solid var(--fail); padding: .5rem .8rem; background: #fdeeee; }
.signin { max-width: 40rem; }
.signin textarea { width: 100%; font: 13px monospace; }
@page { size: A4 landscape; margin: 16mm 12mm 16mm;
  @bottom-right { content: "Side " counter(page) " av " counter(pages); font: 9pt system-ui, sans-serif; } }
@media print {
  .site, .time, .skip, .no-print { display: none; }
  main { padding: 0; max-width: none; }
  body { font-size: 10pt; }
  table { font-size: 9pt; }
  tr, li, section { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
