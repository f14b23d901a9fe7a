import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, ConfigError } from '../../config';

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'levee-config-'));

describe('loadConfig', () => {
  it('generates development secrets once into DATA_DIR (mode 0600) and reuses them', () => {
    const dir = tempDir();
    const first = loadConfig({ DATA_DIR: dir });
    const file = path.join(dir, 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.PII_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(first.secretSources.PII_HASH_KEY).toBe('generated');
    const second = loadConfig({ DATA_DIR: dir });
    expect(second.PII_ENCRYPTION_KEY).toBe(first.PII_ENCRYPTION_KEY);
    expect(second.AUTH_TOKEN_SECRET).toBe(first.AUTH_TOKEN_SECRET);
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses production without secrets and writes no file', () => {
    const dir = tempDir();
    expect(() => loadConfig({ DATA_DIR: dir, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dir, NODE_ENV: 'production' })).toThrow(/PII_ENCRYPTION_KEY, PII_HASH_KEY, AUTH_TOKEN_SECRET/);
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });

  it('names every wrong variable in one message', () => {
    expect(() => loadConfig({ PORT: 'abc', MONGODB_URI: 'postgres://x', PII_HASH_KEY: 'short' })).toThrow(
      /PORT: .*\n.*MONGODB_URI: must start with mongodb:\/\/.*\n.*PII_HASH_KEY: must be 32 bytes/,
    );
  });

  it('takes secrets and settings from the environment', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({
      DATA_DIR: '/nonexistent/levee',
      NODE_ENV: 'production',
      PORT: '8080',
      PII_ENCRYPTION_KEY: key,
      PII_HASH_KEY: key,
      AUTH_TOKEN_SECRET: 'x'.repeat(40),
      WECHATY_PUPPET_OPTIONS: '{"token":"t"}',
    });
    expect(config).toMatchObject({ PORT: 8080, DATA_DIR: '/nonexistent/levee', WECHATY_PUPPET_OPTIONS: { token: 't' } });
    expect(config.secretSources).toEqual({ PII_ENCRYPTION_KEY: 'env', PII_HASH_KEY: 'env', AUTH_TOKEN_SECRET: 'env' });
  });
});
