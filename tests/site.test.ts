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

  it("a person page finds the person's section, mentions and changes (looked up once per site, as a scan would)", () => {
    const dataset = hostileDataset();
    const [early, later] = [dataset.prisoners[0]!, dataset.prisoners[1]!];
    const sections = [...dataset.sections].sort((a, b) => a.line_start - b.line_start);
    const first = sections[0]!;
    // a second heading on the first one's line: the later in the table's order is the one the line falls in
    const twin = { ...first, id: `${first.id}-twin`, title: 'Twin heading' };
    const withTwin = { ...dataset, sections: [...dataset.sections, twin] };
    early.source = { ...early.source, line_start: first.line_start - 1 }; // before any heading: no section named
    later.source = { ...later.source, line_start: first.line_start };
    withTwin.mentions = [
      { ...dataset.mentions[0]!, prisoner_id: later.id, section_id: twin.id, line: 7, name_as_printed: 'Invented NAMESAKE' },
    ];
    const diff = {
      tables: { prisoners: { added: [{ id: early.id }], changed: [{ id: later.id, changes: { name: { from: 'Old', to: 'New' } } }] } },
    };
    const rendered = renderSite(withTwin, meta, new Map([...files, ['diff.json', Buffer.from(JSON.stringify(diff))]]));
    const page = (id: string) => rendered.get(`site/people/${id}.html`)!.toString('utf8');
    const where = (html: string) => html.slice(html.indexOf('id="where"'), html.indexOf('</p>', html.indexOf('id="where"')));
    expect(where(page(early.id))).not.toContain('Section');
    expect(page(early.id)).toContain('<p>New in this release.</p>');
    expect(page(later.id)).toMatch(/<td>name<\/td>\s*<td>Old<\/td>\s*<td>New<\/td>/);
    expect(where(page(later.id))).toContain('Section “Twin heading”');
    const mentions = page(later.id).slice(page(later.id).indexOf('id="mentions"'));
    expect(mentions).toMatch(/<td>Twin heading<\/td>\s*<td>7<\/td>\s*<td>Invented NAMESAKE<\/td>/);
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
