import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Linter } from 'eslint';
import { z } from 'zod';
import tseslint from 'typescript-eslint';
import levee from '../../eslint/layers';

const ROOT = path.resolve(__dirname, '..', '..');
const PrintedConfig = z.object({ rules: z.record(z.string(), z.unknown()) });

/** The messages of the layering rule alone for `code` as if it were the file `file` of the repository. */
function layerErrors(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { levee }, rules: { 'levee/layers': 'error' } }],
    { filename: path.join(ROOT, file) },
  );
  return messages.map((message) => `${message.ruleId ?? 'parser'}: ${message.message}`);
}

describe('the layering rule', () => {
  it('is on for the TypeScript files of `npm run lint`', () => {
    const printed = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--print-config', 'lib/pii.ts'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(printed.status).toBe(0);
    const config = PrintedConfig.parse(JSON.parse(printed.stdout));
    expect(config.rules['levee/layers']).toEqual([2]);
  });

  it.each([
    ['lib/probe.ts', "import { DomainError } from '../domain/core/errors';", 'lib/ may not import domain/'],
    ['lib/probe.ts', "export { Report } from '../models/report';", 'lib/ may not import models/'],
    ['api/routes/probe.ts', "import { createEngine } from '../../bot/engine';", 'api/ may not import bot/'],
    ['domain/reports/probe.ts', "import { createApp } from '../../api/createApp';", 'domain/ may not import api/'],
    ['models/probe.ts', "import { reportCreator } from '../domain/reports/reportCreator';", 'models/ may not import domain/'],
    ['bot/probe.ts', "const app = import('../api/createApp');", 'bot/ may not import api/'],
    ['domain/probe.ts', "import '../main';", 'domain/ may not import main '],
  ])('refuses %s: %s', (file, code, expected) => {
    const errors = layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`levee/layers: ${expected}`);
  });

  it.each([
    ['domain/reports/probe.ts', "import { Report } from '../../models/report';\nimport { logger } from '../../lib/logger';"],
    [
      'api/routes/probe.ts',
      "import { reportCreator } from '../../domain/reports/reportCreator';\nimport { version } from '../../package.json';",
    ],
    ['bot/probe.ts', "import { villageCodes } from '../resources/banan-regions.json';\nimport { getConfig } from '../config';"],
    ['tests/probe.ts', "import { createEngine } from '../bot/engine';\nimport { createApp } from '../api/createApp';"],
    ['main.ts', "import { createApp } from './api/createApp';"],
  ])('lets %s import downwards', (file, code) => {
    expect(layerErrors(file, code)).toEqual([]);
  });
});
