import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileStorage } from './storage';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Files on local disk under `<root>/<first two hex>/<hash>`: the fan-out keeps folders small. A write goes to a
 * temporary name and is renamed into place, so a reader never sees half a file and two concurrent uploads of the
 * same photo both end with the one complete copy.
 */
export function localDiskStorage(root: string): FileStorage {
  const pathOf = (hash: string): string => {
    if (!HASH.test(hash)) throw new Error(`not a sha-256 hex digest: ${hash}`);
    return path.join(root, hash.slice(0, 2), hash);
  };
  return {
    async put(hash, bytes) {
      const target = pathOf(hash);
      if (fs.existsSync(target)) return;
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${crypto.randomBytes(6).toString('hex')}.partial`;
      await fs.promises.writeFile(temporary, bytes, { mode: 0o640 });
      await fs.promises.rename(temporary, target);
    },
    async get(hash) {
      const target = pathOf(hash);
      return fs.existsSync(target) ? fs.createReadStream(target) : undefined;
    },
    async exists(hash) {
      return fs.existsSync(pathOf(hash));
    },
  };
}
