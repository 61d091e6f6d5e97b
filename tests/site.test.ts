/** The website's page renderers on synthetic data (invented names), hostile text included: everything comes out escaped. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyIdentity } from '../pipeline/identity/ledger.js';
import { foldWord } from '../pipeline/lib/namekey.js';
import type { Dataset } from '../pipeline/model/tables.js';
import { html } from '../pipeline/publish/site/html.js';
import { renderSite } from '../pipeline/publish/site/index.js';
import { markdownToHtml } from '../pipeline/publish/site/markdown.js';
import { SEARCH_SCRIPT, searchKeys } from '../pipeline/publish/site/search.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { fixture, modelOf } from './helpers.js';

const HOSTILE = `<script>alert("x")</script> O'Neil & "Quoted" ${'Verylongname'.repeat(40)}`;
const meta = {
  version: '9.9.9',
  source: {
    id: 'mini',
    file: 'mini.md',
    format: 'markdown',
    sha256: '0'.repeat(64),
    published_on: '2024-01-01',
    url: 'javascript:alert(1)',
  },
  pipeline: { name: 't', version: '0' },
};

function hostileDataset(): Dataset {
  const { dataset } = extractAll(modelOf(readFileSync(fixture('mini-report.md'), 'utf8'), 'mini.md'), 'mini', emptyIdentity());
  const [first] = dataset.prisoners;
  Object.assign(first!, { name: HOSTILE, group: `${HOSTILE} group`, text: HOSTILE, aliases: [HOSTILE] });
  dataset.footnotes[0]!.urls = ['javascript:alert(2)', 'https://example.org/a"onmouseover="x'];
  return dataset;
}

const files = new Map([
  ['DIFF.md', Buffer.from('# Diff\n\n<script>alert(3)</script>\n\n[bad](javascript:alert(4)) [data](prisoners.csv)\n')],
]);
const site = renderSite(hostileDataset(), meta, files);
const pages = [...site].map(([path, bytes]) => [path, bytes.toString('utf8')] as const);

describe('the website renderers', () => {
  it('renders an index, a page per person and the release pages', () => {
    const people = hostileDataset().prisoners;
    expect([...site.keys()]).toEqual([
      'site/index.html',
      ...people.map((p) => `site/people/${p.id}.html`),
      'site/changes.html',
      'site/qa.html',
      'site/dictionary.html',
      'site/downloads.html',
    ]);
  });

  it('escapes names and report text everywhere: no injected element, no javascript: link', () => {
    for (const [path, text] of pages) {
      expect(text, path).not.toContain('<script>alert');
      expect(text, path).not.toMatch(/href="javascript:/i);
      expect(text, path).not.toContain('"onmouseover');
      expect(text.match(/<script>/g)?.length ?? 0, path).toBe(path === 'site/index.html' ? 1 : 0);
    }
    const index = pages.find(([p]) => p === 'site/index.html')![1];
    expect(index).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; &quot;Quoted&quot;');
  });

  it('every page declares its language and a Content-Security-Policy, and loads nothing', () => {
    for (const [path, text] of pages) {
      expect(text, path).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(text, path).toMatch(/http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
      expect(text, path).not.toMatch(/\ssrc=|<link\b|@import|url\(/); // nothing loaded from anywhere: links only
    }
  });

  it("draws and lists a person's events when the dataset has an events table", () => {
    const dataset = hostileDataset();
    const id = dataset.prisoners[1]!.id;
    const events = [
      { id: 'e2', prisoner_id: id, date: '2023-05', kind: 'verdict', text: 'Sentenced <b>by</b> a court', source: null, footnotes: [1] },
      { id: 'e1', prisoner_id: id, date: '2022-01-14', kind: 'detention', text: 'Detained', source: null, footnotes: [] },
    ];
    const page = renderSite({ ...dataset, events } as unknown as Dataset, meta, files)
      .get(`site/people/${id}.html`)!
      .toString('utf8');
    const listed = page.slice(page.indexOf('<ol>'), page.indexOf('</ol>'));
    expect(listed.indexOf('detention')).toBeLessThan(listed.indexOf('verdict'));
    expect(listed).toContain('Sentenced &lt;b&gt;by&lt;/b&gt; a court (footnotes <a href="#fn-1">1</a>)');
    expect(page).toContain('<figure id="chart-timeline"');
  });

  it('is byte-identical when rendered twice', () => {
    expect(renderSite(hostileDataset(), meta, files)).toEqual(site);
  });

  it('drops raw HTML and unsafe links from Markdown, and points release files one folder up', () => {
    const out = markdownToHtml('<b onclick="x">raw</b>\n\n[a](javascript:alert(1)) [b](qa.json) [c](https://example.org) ![i](x.png)').text;
    expect(out).not.toContain('<b');
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('<img');
    expect(out).toContain('href="../qa.json"');
    expect(out).toContain('href="https://example.org"');
  });

  it('the html template escapes values and keeps built fragments', () => {
    expect(html`<p title="${'"><x'}">${html`<b>${'<i>'}</b>`}</p>`.text).toBe('<p title="&quot;&gt;&lt;x"><b>&lt;i&gt;</b></p>');
  });

  it('the browser folds a query with the same steps as lib/namekey', () => {
    const fold = new Function(`${SEARCH_SCRIPT.split('const controls')[0]!.replace('(() => {', '')} return fold;`)() as (
      w: string,
    ) => string;
    for (const word of ['KIYSYMBAYEV', 'Kiisimbayev', 'Yerzhan', 'Dzhanat', 'Mukhamet', 'Abdullayeva', 'Zhaña'])
      expect(fold(word), word).toBe(foldWord(word));
    expect(searchKeys(['Kiisimbayev Erzhan'])).toBe(`${foldWord('KIYSYMBAYEV')} ${foldWord('Yerzhan')}`);
  });
});
