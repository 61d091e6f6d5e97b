/**
 * Every subcommand's help ends with examples that must work when pasted in the
 * project root after `make`. This runs each of them, in a copy of that state.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installProgram, kzpp, MIRROR, ROOT, tempDir } from './helpers.js';

/** The command that runs the program installed in `project` (see installProgram). */
const kzppIn = (project: string) => {
  installProgram(project);
  return `"${process.execPath}" "${join(project, 'bin', 'kzpp.js')}"`;
};

/** Command names as `kzpp --help` lists them (help text is asked of the CLI in the test process; the examples run as processes). */
async function listedCommands(): Promise<string[]> {
  const help = (await kzpp(['--help'])).stdout;
  const section = help.split(/^Commands:\n/m)[1]!.split(/\n\n/)[0]!;
  return section.split('\n').map((line) => /^ {2}(\S+)\s/.exec(line)![1]!);
}

/** "  npx kzpp ..." lines after "Example:" or "Examples:", trailing "# comments" dropped. */
function examplesOf(help: string): string[] {
  const after = help.split(/^Examples?.*:\n/m)[1] ?? '';
  return after
    .split('\n')
    .filter((l) => /^\s+npx kzpp /.test(l))
    .map((l) => l.replace(/\s+#.*$/, '').trim());
}

/**
 * A project root as a user has it after `make`: a clone (history included, for
 * commands that look at older commits) with the working tree's data files laid
 * over it, dist/ built, and the mirror at ../shared/sources.
 */
let built: string;
function userProject(): string {
  const base = tempDir('kzpp-examples-');
  mkdirSync(join(base, 'shared'));
  symlinkSync(MIRROR, join(base, 'shared', 'sources'));
  const project = join(base, 'project');
  execFileSync('git', ['clone', '-q', '--shared', ROOT, project]);
  for (const path of ['package.json', 'sources', 'schemas', 'tests/fixtures', 'releases', 'CHANGELOG.md', 'identity']) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(project, path), { recursive: true, force: true });
  }
  if (built) cpSync(join(built, 'dist'), join(project, 'dist'), { recursive: true });
  return project;
}

const env = () => {
  const { SOURCES_MIRROR: _, ...rest } = process.env;
  return rest;
};

beforeAll(() => {
  built = userProject();
  const r = spawnSync('bash', ['-c', `${kzppIn(built)} build`], { cwd: built, env: env(), encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

const commands = await listedCommands();

describe('help examples', () => {
  it('the main help lists every subcommand', () => {
    expect(commands).toEqual(expect.arrayContaining(['build', 'extract', 'validate', 'inspect', 'schemas']));
  });

  it.each(commands)(
    'kzpp %s --help has examples that work when pasted',
    async (name) => {
      const help = await kzpp([name, '--help']);
      expect(help.status).toBe(0);
      const examples = examplesOf(help.stdout);
      expect(examples.length).toBeGreaterThan(0);
      const project = userProject();
      for (const example of examples) {
        const r = spawnSync('bash', ['-c', example.replace(/^npx kzpp/, kzppIn(project))], { cwd: project, env: env(), encoding: 'utf8' });
        // Works: exit 0, and no error or stack trace among whatever it reports on stderr.
        expect({ example, status: r.status, error: /error|\n\s+at /i.test(r.stderr) ? r.stderr : '' }).toEqual({
          example,
          status: 0,
          error: '',
        });
      }
    },
    300_000,
  ); // verify rebuilds every recorded release, the older at their commits: the one full rebuild of make test (history.test.ts)

  it('npx finds the kzpp executable declared in package.json', () => {
    // The first npx in a checkout installs the project folder into npm's npx cache (~/.npm/_npx), running its prepare
    // script: a full `npm run build` here, which rebuilt build/cli under the other test files' running CLIs (a fresh
    // clone's CI run failed so). Without scripts npx still finds the executable; offline and without npm's update check
    // nothing waits on the network.
    const env = { ...process.env, npm_config_ignore_scripts: 'true', npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const r = spawnSync('npx', ['--no-install', 'kzpp', '--help'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const name of commands) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});
