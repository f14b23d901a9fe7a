import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import type { Logger } from 'pino';

const MODULE_DIR = path.join(__dirname, 'ferretdb');
const GO_CANDIDATES = ['go', '/usr/local/go/bin/go', '/usr/lib/go/bin/go'];

/** Thrown when the embedded database cannot be built or started; the message says what to do. */
export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

/** The Go toolchain to build FerretDB with, or undefined when there is none. */
export function findGo(): string | undefined {
  const candidates = process.env.GO ? [process.env.GO, ...GO_CANDIDATES] : GO_CANDIDATES;
  return candidates.find((candidate) => spawnSync(candidate, ['version'], { stdio: 'ignore' }).status === 0);
}

/** The files the build reads: go.mod, go.sum and every Go source of the module (tests are not built). */
function moduleFiles(): string[] {
  return fs
    .readdirSync(MODULE_DIR)
    .filter((file) => file === 'go.mod' || file === 'go.sum' || (file.endsWith('.go') && !file.endsWith('_test.go')))
    .sort();
}

function moduleHash(): string {
  const hash = crypto.createHash('sha256');
  for (const file of moduleFiles()) hash.update(file).update(fs.readFileSync(path.join(MODULE_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Returns the path of the FerretDB binary, building it with `go build` when the Go module changed or was never built.
 * The binary is cached in `<cacheDir>/ferretdb/<hash of the module>/` so a rebuild happens only after an edit.
 */
export async function ensureFerretdbBinary(cacheDir: string, log: Logger, locateGo: () => string | undefined = findGo): Promise<string> {
  const target = path.join(cacheDir, 'ferretdb', moduleHash(), 'ferretdb');
  if (fs.existsSync(target)) return target;

  const go = locateGo();
  if (!go) {
    throw new EmbeddedDatabaseError(
      'levee needs a database and found neither MONGODB_URI nor a Go toolchain to build its embedded one.\n' +
        '  Either set MONGODB_URI=mongodb://… to use your own MongoDB (version 6 or later),\n' +
        '  or install Go 1.24 or later (it lives in /usr/local/go/bin on these machines, or set GO=/path/to/go) ' +
        'so levee can build FerretDB on PostgreSQL.',
    );
  }

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  log.info(
    'Building the embedded database (FerretDB 1.24.2) from source. This happens once and takes about 3 minutes; later starts take seconds.',
  );
  const started = Date.now();
  let compiled = 0;
  const progress = setInterval(() => {
    log.info(`Still building FerretDB: ${compiled} Go packages compiled, ${Math.round((Date.now() - started) / 1000)} s so far…`);
  }, 15_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['build', '-v', '-trimpath', '-o', partial, '.'], {
        cwd: MODULE_DIR,
        env: { ...process.env, GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let output = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        compiled += chunk.split('\n').filter((line) => line.trim() !== '').length;
        output = (output + chunk).slice(-4000);
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new EmbeddedDatabaseError(`go build of FerretDB failed (exit ${code}):\n${output}`)),
      );
    });
  } finally {
    clearInterval(progress);
  }
  fs.renameSync(partial, target);
  log.info(`FerretDB built in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
  return target;
}
