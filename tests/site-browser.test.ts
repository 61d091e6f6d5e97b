/**
 * The release's website in a real browser: Debian's Chromium driven by
 * playwright-core (no browser download), the site opened from file://. One
 * site is built (kzpp extract of the real report, from the mirror) and one
 * browser started for all the checks. Chromium missing or failing to start is
 * a failure with its reason, never a skip. Screenshots of the index and one
 * person page go to build/test-output/site/ for a person to look at.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sharedReportRelease } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = join(ROOT, 'build', 'test-output', 'site');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Person {
  id: string;
  name: string;
  family_name: string;
  given_name: string;
  list: string;
  group: string | null;
  custody_since: string | null;
  convicted_on: string | null;
}

let browser: Browser;
let out: string;
let site: string;
let people: Person[];

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium), as .ci/run does`);
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  } catch (e) {
    throw new Error(`Chromium at ${CHROMIUM} did not start: ${(e as Error).message}`);
  }
}

beforeAll(async () => {
  out = await sharedReportRelease();
  site = join(out, 'site');
  people = JSON.parse(readFileSync(join(out, 'prisoners.json'), 'utf8'));
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

const url = (path: string) => pathToFileURL(join(site, path)).href;

/** A page that records console errors, page errors and every request outside the site folder. */
async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  const inside = pathToFileURL(site).href;
  page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
  page.on('pageerror', (e) => void problems.push(`page error: ${e.message}`));
  page.on('request', (r) => void (r.url().startsWith(inside) || problems.push(`request outside the folder: ${r.url()}`)));
  await page.goto(url(path));
  return { page, problems };
}

async function axeSeriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(
    async () =>
      (
        await (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe.run()
      ).violations,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

const visibleNames = (page: Page) => page.locator('#people tbody tr:visible td:nth-child(2)').allTextContents();

describe('the website in Chromium, from file://', () => {
  it('index: figures from the data, every person linked, charts named, no error, nothing fetched, no serious axe violation', async () => {
    const { page, problems } = await open('index.html');
    const figure = async (id: string) => Number(await page.locator(`[data-figure="${id}"] strong`).textContent());
    expect(await figure('people')).toBe(people.length);
    expect(await figure('convicted')).toBe(people.filter((p) => p.list === 'convicted').length);
    expect(await figure('pre_trial')).toBe(people.filter((p) => p.list === 'pre_trial').length);
    const links = await page.locator('#people tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(people.map((p) => `people/${p.id}.html`).sort());
    const charts = await page
      .locator('figure svg[role="img"]')
      .evaluateAll((svgs) => svgs.map((s) => document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent));
    expect(charts).toEqual([
      'Sentence lengths by group',
      'Prisoners by article of the Criminal Code',
      'Verdicts and detentions by year',
      'Time from detention to verdict',
    ]);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'index.png'), fullPage: false });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('typing a name spelled another way narrows the list to that person', async () => {
    const { page, problems } = await open('index.html');
    const person = people.find((p) => /y/i.test(p.family_name) && people.filter((q) => q.family_name === p.family_name).length === 1);
    expect(person, 'a family name with a y to respell').toBeDefined();
    const respelt = `${person!.given_name} ${person!.family_name.replace(/y/gi, 'i').toUpperCase()}`;
    await page.getByLabel('Search by name').fill(respelt);
    expect(await visibleNames(page)).toEqual([person!.name]);
    await page.getByLabel('Search by name').fill('');
    expect(await visibleNames(page)).toHaveLength(people.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the list and group filters show exactly the people of that list and group', async () => {
    const { page } = await open('index.html');
    await page.locator('#f-list').selectOption('pre_trial');
    expect((await visibleNames(page)).sort()).toEqual(
      people
        .filter((p) => p.list === 'pre_trial')
        .map((p) => p.name)
        .sort(),
    );
    await page.locator('#f-list').selectOption('');
    const group = people[0]!.group ?? '';
    await page.locator('#f-group').selectOption(group);
    expect((await visibleNames(page)).sort()).toEqual(
      people
        .filter((p) => (p.group ?? '') === group)
        .map((p) => p.name)
        .sort(),
    );
    await expect.poll(() => page.locator('#shown').textContent()).toMatch(/^Showing \d+ of \d+ people$/);
    await page.close();
  });

  it('every person page opens without an error and names its person; a person page passes axe', async () => {
    const { page, problems } = await open(`people/${people[0]!.id}.html`);
    for (const p of people) {
      await page.goto(url(`people/${p.id}.html`));
      expect(await page.locator('h1').textContent()).toBe(p.name);
    }
    const dated = people.find((p) => p.custody_since && p.convicted_on) ?? people[0]!; // a page with its timeline drawn
    await page.goto(url(`people/${dated.id}.html`));
    expect(await page.locator('#chart-timeline svg[role="img"]').count()).toBe(dated.custody_since ? 1 : 0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'person.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the other pages open without an error', async () => {
    for (const path of ['changes.html', 'qa.html', 'dictionary.html', 'downloads.html']) {
      const { page, problems } = await open(path);
      expect(await page.locator('h1').count()).toBe(1);
      expect(problems, path).toEqual([]);
      await page.close();
    }
  });
});

describe('kzpp serve', () => {
  it('serves the site on the loopback address it prints, and nothing outside the folder', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'kzpp.js'), 'serve', out, '--port', '0', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((done, fail) => {
        child.stdout.once('data', (d: Buffer) => done(d.toString()));
        child.once('exit', (code) => fail(new Error(`kzpp serve exited ${code}`)));
      });
      const { url: address } = JSON.parse(line) as { url: string };
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await fetch(address);
      expect(index.status).toBe(200);
      expect(await index.text()).toBe(readFileSync(join(site, 'index.html'), 'utf8'));
      expect((await fetch(`${address}..%2fprisoners.json`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(child.exitCode)));
    expect(code).toBe(0);
  });
});
