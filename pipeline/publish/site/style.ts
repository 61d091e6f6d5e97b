/** The site's one style sheet, inline in every page: system fonts only, contrast at least 4.5:1, visible focus. */
export const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b4f9c; --paper: #fff; --band: #f3f4f6; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper); }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { border-bottom: 1px solid var(--line); }
header .site { font-weight: 700; margin: .75rem 0 .25rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: 0 0 .5rem; }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: var(--paper); padding: .25rem .5rem; }
h1 { font-size: 1.75rem; line-height: 1.2; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.figures li { background: var(--band); padding: .75rem; border-radius: 4px; }
.figures strong { display: block; font-size: 1.75rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1rem; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 4px; padding: .75rem; overflow-x: auto; }
figcaption { font-weight: 600; }
svg { max-width: 100%; height: auto; }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0 .5rem; }
.controls label { display: flex; flex-direction: column; font-weight: 600; }
.controls input, .controls select { font: inherit; padding: .3rem .4rem; border: 1px solid #6b6b6b; border-radius: 3px; min-width: 14rem; }
.muted { color: var(--muted); }
dl.fields { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .25rem 1rem; }
dl.fields dt { font-weight: 600; }
dl.fields dd { margin: 0; }
blockquote { border-left: 4px solid var(--line); margin: 0; padding: .25rem 1rem; white-space: pre-line; }
pre { background: var(--band); padding: .75rem; overflow-x: auto; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; word-break: break-all; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; color: var(--muted); font-size: .9rem; }
`.trim();
