import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { z } from 'zod';

/** The secrets levee needs. In development they are generated once into `DATA_DIR/secrets.json`. */
const SECRET_NAMES = ['PII_ENCRYPTION_KEY', 'PII_HASH_KEY', 'AUTH_TOKEN_SECRET'] as const;
type SecretName = (typeof SECRET_NAMES)[number];

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  MONGODB_URI: optionalString.pipe(
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PII_ENCRYPTION_KEY: optionalString.pipe(base64Key.optional()),
  PII_HASH_KEY: optionalString.pipe(base64Key.optional()),
  AUTH_TOKEN_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  PUBLIC_URL: optionalString,
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_MP_APPID: optionalString,
  WECHAT_MP_SECRET: optionalString,
  WECHATY_PUPPET: optionalString,
  WECHATY_PUPPET_OPTIONS: optionalString.pipe(
    z
      .string()
      .transform((v, ctx) => {
        try {
          return JSON.parse(v) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string(), z.unknown()))
      .optional(),
  ),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export type Config = Readonly<
  Omit<z.infer<typeof EnvSchema>, SecretName | 'DATA_DIR'> & {
    DATA_DIR: string;
    PII_ENCRYPTION_KEY: string;
    PII_HASH_KEY: string;
    AUTH_TOKEN_SECRET: string;
    /** Where each secret came from: the environment, or the generated development file. */
    secretSources: Record<SecretName, 'env' | 'generated'>;
  }
>;

/** Thrown when the environment cannot start levee; the message says what to change. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function readDevSecrets(dataDir: string): Partial<Record<SecretName, string>> {
  const file = path.join(dataDir, 'secrets.json');
  if (!fs.existsSync(file)) return {};
  const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ConfigError(`${file} is not a JSON object of strings: delete it to generate new development secrets`);
  return parsed.data;
}

function writeDevSecrets(dataDir: string, secrets: Record<SecretName, string>): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'secrets.json'), `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Parses the environment once. Fails fast with one readable line per problem.
 * Outside production, missing secrets are generated into `DATA_DIR/secrets.json` (mode 0600) and reused;
 * in production a missing secret stops the boot.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  const missing = SECRET_NAMES.filter((name) => !values[name]);
  if (missing.length > 0 && values.NODE_ENV === 'production') {
    throw new ConfigError(
      `Missing secrets in production: ${missing.join(', ')}.\n` +
        '  Set each to 32 random bytes in base64, e.g. `openssl rand -base64 32`, and keep them safe: ' +
        'without PII_ENCRYPTION_KEY the stored ID numbers and phones cannot be read.',
    );
  }
  const stored = missing.length > 0 ? readDevSecrets(dataDir) : {};
  const generated: Partial<Record<SecretName, string>> = {};
  const secretSources = {} as Record<SecretName, 'env' | 'generated'>;
  const secrets = {} as Record<SecretName, string>;
  for (const name of SECRET_NAMES) {
    const fromEnv = values[name];
    if (fromEnv) {
      secrets[name] = fromEnv;
      secretSources[name] = 'env';
      continue;
    }
    const value = stored[name] ?? crypto.randomBytes(32).toString('base64');
    if (!stored[name]) generated[name] = value;
    secrets[name] = value;
    secretSources[name] = 'generated';
  }
  if (Object.keys(generated).length > 0) writeDevSecrets(dataDir, { ...stored, ...secrets } as Record<SecretName, string>);
  return Object.freeze({ ...values, ...secrets, DATA_DIR: dataDir, secretSources });
}

let current: Config | undefined;

/** The process-wide configuration, parsed on first use. */
export function getConfig(): Config {
  current ??= loadConfig();
  return current;
}
