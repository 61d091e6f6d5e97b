/** The CI workflow for users: valid YAML that runs the shared script, builds, verifies and uploads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}

const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8'), { strict: true, uniqueKeys: true });
const jobs = Object.values(workflow.jobs as Record<string, { steps: Step[]; defaults?: { run?: { 'working-directory'?: string } } }>);
const steps = jobs.flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run ? [s.run.trim()] : []));

describe('release workflow', () => {
  it('runs on pushes and tags', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push']));
    expect(workflow.on.push.tags).toBeDefined();
  });

  it('sets up Node 20 and 22 (a matrix), runs .ci/run, then make and make verify, in that order', () => {
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe('${{ matrix.node }}');
    expect(workflow.jobs.release.strategy.matrix.node).toEqual([20, 22]);
    const order = ['bash .ci/run', 'make', 'make verify'].map((command) => runs.indexOf(command));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps.indexOf(node!)).toBeLessThan(steps.findIndex((s) => s.run?.trim() === 'bash .ci/run'));
  });

  it('uploads the release directory of the project it built', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const dir = jobs[0]!.defaults?.run?.['working-directory'] ?? '.';
    expect(upload?.with?.path).toBe(join(dir, 'dist/'));
    expect(workflow.jobs.release.steps.at(-1)).toBe(upload);
  });

  it('fails when Node 20 and 22 built different bytes, and attests the release on tags', () => {
    const job = workflow.jobs['same-bytes'];
    expect(job.needs).toBe('release');
    expect(job.steps.map((s: Step) => s.run ?? '').join('\n')).toMatch(/diff -r .*node20.*node22|diff -r -x provenance\.json/);
    const attest = job.steps.find((s: Step) => s.uses?.startsWith('actions/attest-build-provenance@'));
    expect(attest?.if).toMatch(/refs\/tags\//);
    expect(job.permissions).toMatchObject({ 'id-token': 'write', attestations: 'write' });
  });

  it('puts the source mirror where the pipeline looks by default (../shared/sources)', () => {
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    const project = checkouts.find((s) => !s.with?.repository)?.with?.path as string;
    const mirror = checkouts.find((s) => s.with?.repository)?.with?.path as string;
    expect(join(project, '..', 'shared', 'sources')).toBe(mirror);
  });

  it('checks out the whole history, which make verify needs for older releases', () => {
    const project = steps.find((s) => s.uses?.startsWith('actions/checkout@') && !s.with?.repository);
    expect(project?.with?.['fetch-depth']).toBe(0);
  });

  it(".ci/run is the one script: a clean install and the README's test command", () => {
    const script = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(script).toMatch(/^npm ci\b/m);
    expect(script).toMatch(/^make test$/m);
  });
});
