import crypto from 'node:crypto';

/**
 * scrypt parameters. N = 2^15 with r = 8 costs 32 MiB and about 50 ms per check: slow for an attacker with the
 * database, fast enough for a console sign-in. They are stored with each hash so they can be raised later.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFKC'), salt, bytes, { ...params, maxmem: 256 * params.N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt: `scrypt$N$r$p$salt$hash`, both base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS, KEY_BYTES);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

// Checked against when the account does not exist, so an unknown username takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/**
 * Whether `password` matches `stored` (compared in constant time). A missing or malformed hash is checked against a
 * decoy and answers false, in the same time as a real check.
 */
export async function verifyPassword(password: string, stored: string | undefined | null): Promise<boolean> {
  const match = stored ? FORMAT.exec(stored) : null;
  if (!match) {
    decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await verifyPassword(password, await decoy);
    return false;
  }
  const [, n = '', r = '', p = '', saltText = '', keyText = ''] = match;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await derive(password, Buffer.from(saltText, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
