/**
 * Data flows one way through pipeline/: no import cycle, and no stage imports a
 * later one. The stage order is documented in docs/contributing.md ("Stages").
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../pipeline/lib/files.js';
import { ROOT } from './helpers.js';

const PIPELINE_DIR = join(ROOT, 'pipeline');

/** Earlier stages first; a module may import its own stage or an earlier one. */
const STAGE_ORDER = [
  ['errors.ts', 'limits.ts', 'lib', 'model'],
  ['repair'],
  ['parse'],
  ['sources', 'fetch'],
  ['identity'],
  ['extract'],
  ['validate'],
  ['qa'],
  ['publish'],
  ['diff'],
  ['history'],
  ['orchestrate'],
  ['cli'],
];

/** Imports against the order that are deliberate: "from -> to" (module paths under pipeline/). */
const ALLOWED: string[] = [];

const rankOf = (module: string) => STAGE_ORDER.findIndex((stage) => stage.includes(module.split('/')[0]!));

/** pipeline-relative module -> the pipeline-relative modules it imports (static and dynamic). */
function importGraph(): Map<string, string[]> {
  const modules = listFiles(PIPELINE_DIR).filter((f) => f.endsWith('.ts'));
  const graph = new Map<string, string[]>();
  for (const module of modules) {
    const source = readFileSync(join(PIPELINE_DIR, module), 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
    const targets = specifiers.map((s) => relative(PIPELINE_DIR, resolve(PIPELINE_DIR, dirname(module), s)).replace(/\.js$/, '.ts'));
    graph.set(module, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle's first closing edge, found by depth-first search: "a.ts -> b.ts -> a.ts". */
function cyclesOf(graph: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (node: string, path: string[]) => {
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), node, next].join(' -> '));
      else if (!state.has(next)) visit(next, [...path, node]);
    }
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node, []);
  return cycles;
}

/** Imports from an earlier stage into a later one ("back-edges"), minus the allow-list. */
function backEdgesOf(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([from, targets]) =>
    targets
      .filter((to) => rankOf(to) > rankOf(from))
      .map((to) => `${from} -> ${to}`)
      .filter((edge) => !ALLOWED.includes(edge)),
  );
}

describe('imports in pipeline/', () => {
  const graph = importGraph();

  it('every module belongs to a stage of the documented order', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect([...graph.keys()].filter((m) => rankOf(m) < 0)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('no stage imports a later one', () => {
    expect(backEdgesOf(graph)).toEqual([]);
  });

  it('the checks catch a cycle and a back-edge (an added import from fetch/ to cli/)', () => {
    const broken = new Map(graph);
    broken.set('fetch/fetch.ts', [...(graph.get('fetch/fetch.ts') ?? []), 'cli/main.ts']);
    expect(backEdgesOf(broken)).toContain('fetch/fetch.ts -> cli/main.ts');
    expect(cyclesOf(broken).length).toBeGreaterThan(0);
  });
});
