import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ensureFerretdbBinary, EmbeddedDatabaseError } from '../../db/ferretdbBinary';

describe('building the embedded FerretDB', () => {
  it('without Go (and so without MONGODB_URI) names both ways out instead of failing obscurely', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'levee-nogo-'));
    const attempt = ensureFerretdbBinary(cacheDir, pino({ level: 'silent' }), () => undefined);
    await expect(attempt).rejects.toThrow(EmbeddedDatabaseError);
    await expect(ensureFerretdbBinary(cacheDir, pino({ level: 'silent' }), () => undefined)).rejects.toThrow(
      /set MONGODB_URI=mongodb:\/\/.*\n.*install Go 1\.24 or later/s,
    );
    expect(fs.readdirSync(cacheDir)).toEqual([]);
    fs.rmSync(cacheDir, { recursive: true });
  });

  it('reuses the cached binary without looking for Go', async () => {
    const repoCache = path.resolve(__dirname, '../../.cache');
    const binary = await ensureFerretdbBinary(repoCache, pino({ level: 'silent' }), () => {
      throw new Error('Go must not be needed when the binary is cached');
    });
    expect(fs.statSync(binary).mode & 0o111).not.toBe(0);
  });
});
