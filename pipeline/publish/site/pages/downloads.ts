/** downloads.html: every file of the release with its size and sha256, and how to check and use them. */
import { sha256 } from '../../../lib/hash.js';
import type { SiteContext } from '../context.js';
import { html, table } from '../html.js';
import type { Page } from '../layout.js';
import { byText } from '../../../lib/order.js';

/** Written after the site, so their sizes and hashes are in SHA256SUMS, not here. */
const SEALS = ['manifest.json', 'datapackage.json', 'SHA256SUMS'];

const snippets = (version: string) => [
  ['Check every file against its checksum', 'sh', 'sha256sum -c SHA256SUMS'],
  ['Query with DuckDB', 'sql', "SELECT list, count(*) FROM 'prisoners.csv' GROUP BY list;"],
  ['Filter with jq', 'sh', 'jq -r \'.[] | select(.list == "pre_trial") | .name\' prisoners.json'],
  ['Load in Python', 'python', "import pandas as pd\nprisoners = pd.read_json('prisoners.json')"],
  ['Load in R', 'r', 'prisoners <- jsonlite::fromJSON("prisoners.json")'],
  ['Check the release with the pipeline', 'sh', `npx kzpp verify-release dist/${version}`],
];

export function downloadsPage(ctx: SiteContext): Page {
  const files = [...ctx.files].filter(([path]) => !path.startsWith('site/')).sort(([a], [b]) => byText(a, b));
  const rows = files.map(([path, bytes]) => [
    html`<a href="../${path}"><code>${path}</code></a>`,
    bytes.length,
    html`<span class="hash">${sha256(bytes)}</span>`,
  ]);
  const version = ctx.meta.version ?? '<version>';
  const body = html`<h1>Downloads</h1>
    <p>
      Every file of the release, in the folder above this site. The tables come as JSON, NDJSON and CSV (and spreadsheet CSVs under
      <code>excel/</code>).
    </p>
    ${table('Files, bytes and sha256', ['File', 'Bytes', 'sha256'], rows)}
    <p>
      ${SEALS.map((f, i) => html`${i ? ', ' : ''}<a href="../${f}"><code>${f}</code></a>`)}: written last; their sizes and checksums are in
      <code>SHA256SUMS</code>.
    </p>
    <h2>Use</h2>
    ${snippets(version).map(
      ([title, lang, code]) =>
        html`<h3>${title}</h3>
          <pre><code class="language-${lang}">${code}</code></pre>`,
    )}`;
  return { path: 'downloads.html', title: 'Downloads', body };
}
