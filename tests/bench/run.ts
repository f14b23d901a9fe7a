import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run bench -- <name> [flags]`: runs one benchmark. The environment is prepared before the benchmark's modules
 * load, because the configuration and the logger read it on import: a private DATA_DIR (secrets and files of the
 * run, removed at the end) unless one is given, and quiet logs.
 */
const BENCHES: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  intake: () => import('./intake'),
  bot: () => import('./bot'),
  lookups: () => import('./lookups'),
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? BENCHES[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [flags]\n`);
    process.exitCode = 2;
    return;
  }
  const temporary = process.env.DATA_DIR ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'levee-bench-'));
  if (temporary) {
    // The embedded database runs as user postgres, which must be able to enter the folder.
    fs.chmodSync(temporary, 0o755);
    process.env.DATA_DIR = temporary;
  }
  process.env.LOG_LEVEL ??= 'warn';
  try {
    await (await load()).run(args);
  } finally {
    if (temporary) fs.rmSync(temporary, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
