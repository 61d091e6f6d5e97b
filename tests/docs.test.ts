/** The README stays short enough to read, and every page of docs/ can be reached from it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const README = join(ROOT, 'README.md');
const readme = readFileSync(README, 'utf8');
const pages = readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'));
const linked = new Set([...readme.matchAll(/\]\((docs\/[^)#\s]+)/g)].map((m) => m[1]!));

describe('docs', () => {
  it('the README is at most 12,000 bytes', () => {
    expect(statSync(README).size).toBeLessThanOrEqual(12_000);
  });

  it('every page of docs/ is linked from the README', () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((name) => !linked.has(`docs/${name}`))).toEqual([]);
  });

  it('every docs/ link of the README names a page that exists', () => {
    expect([...linked].filter((path) => !pages.includes(path.slice('docs/'.length)))).toEqual([]);
  });

  it('no page points to an issue number instead of saying what it means', () => {
    const stale = [README, ...pages.map((name) => join(ROOT, 'docs', name))].filter((path) =>
      /\(issue #\d+\)/.test(readFileSync(path, 'utf8')),
    );
    expect(stale).toEqual([]);
  });
});
