/**
 * kzpp serve: preview a release's website on this machine. Node's http module,
 * bound to the loopback address only, files read from the site folder alone
 * (no path leaves it). Runs until stopped (Ctrl-C); --check binds, prints the
 * address and stops, to check that the site is there.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { EXIT, PipelineError } from '../../errors.js';
import type { Command } from '../command.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ndjson': 'application/x-ndjson',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The folder to serve: DIR/site when DIR is a release, DIR when it is a site; default the latest release in dist/. */
export function siteDir(dir: string | undefined): string {
  const base = dir ?? latestRelease('dist');
  const candidate = existsSync(join(base, 'site', 'index.html')) ? join(base, 'site') : base;
  if (!existsSync(join(candidate, 'index.html')))
    throw new PipelineError('no site here (expected index.html or site/index.html): run make first', EXIT.usage, { file: base });
  return resolve(candidate);
}

function latestRelease(dist: string): string {
  try {
    const { latest } = JSON.parse(readFileSync(join(dist, 'index.json'), 'utf8')) as { latest: string | null };
    if (latest) return join(dist, latest);
  } catch {
    // no dist yet: said below
  }
  throw new PipelineError('no release built yet: run make first, or name a release folder', EXIT.usage, { file: join(dist, 'index.json') });
}

/** The file a request names inside root, or null (outside root, missing, a folder without index.html). */
function fileFor(root: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

export function serveSite(root: string, port: number): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(root, req.url ?? '/') : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(new PipelineError(`cannot listen on 127.0.0.1:${port} (${e.code ?? e.message})`, EXIT.usage)),
    );
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

export const serveCommand: Command = {
  name: 'serve',
  summary: "preview a release's website on http://127.0.0.1 (loopback only)",
  help: `Usage: kzpp serve [DIR] [--port N] [--check]

Serves the website of a release (DIR: a release folder such as dist/1.1.0, or
its site/ folder; default the latest release in dist/) on 127.0.0.1 only, and
prints the address. Stop it with Ctrl-C. --port 0 picks a free port (default
8017); --check binds, prints the address and stops at once.

Example:
  npx kzpp serve --check --port 0`,
  options: { port: { type: 'string' }, check: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const port = Number(values.port ?? 8017);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PipelineError('--port must be a number from 0 to 65535', EXIT.usage);
    const root = siteDir(positionals[0]);
    const server = await serveSite(root, port);
    const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    io.out(io.json ? `${JSON.stringify({ url: address, dir: root })}\n` : `serving ${root} at ${address} (Ctrl-C stops)\n`);
    if (values.check) {
      server.close();
      return EXIT.ok;
    }
    await new Promise<void>((done) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(signal, () => (server.close(() => done()), server.closeAllConnections()));
    });
    return EXIT.ok;
  },
};
