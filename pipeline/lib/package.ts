/** This project's package.json: its name and version name the pipeline and the release. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project.js';

function readPackageJson(): { name: string; version: string; license?: string } {
  return JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8'));
}

export const PIPELINE = readPackageJson();
