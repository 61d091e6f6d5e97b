// Remakes docs/site.png: the website of the synthetic test report (invented names), in Debian's Chromium.
// Usage (after make): node docs/site-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const out = join(mkdtempSync(join(tmpdir(), 'kzpp-shot-')), 'release');
execFileSync(process.execPath, ['bin/kzpp.js', 'extract', 'tests/fixtures/mini-report.md', '--out', out], { stdio: 'inherit' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
await page.goto(pathToFileURL(join(out, 'site', 'index.html')).href);
await page.screenshot({ path: 'docs/site.png' });
await browser.close();
