import crypto from 'node:crypto';
import { getConfig } from '../config';

/**
 * Personal data levee encrypts at rest. `health` covers health and disability notes: it is sealed
 * without a lookup hash, because nobody searches by it and a hash of a short diagnosis could be
 * guessed from a dictionary.
 */
export type PiiKind = 'idNumber' | 'phone' | 'bankAccount' | 'health';

/** A stored PII value, as kept in every model through `models/pii.ts`. */
export interface SealedPii {
  /** `v1.<iv>.<tag>.<ciphertext>`, each part base64url (AES-256-GCM). */
  enc: string;
  /** Hex HMAC-SHA-256 over `kind + ':' + normalized value`; absent for `health`. */
  hash?: string;
  /** What a screen or a public notice may show. */
  masked: string;
}

/** The two 32-byte keys a codec needs. */
export interface PiiKeys {
  encryptionKey: Buffer;
  hashKey: Buffer;
}

/** A bad PII value or a stored value that cannot be opened; `code` is stable. */
export class PiiError extends Error {
  override name = 'PiiError';
  constructor(
    readonly code: 'pii_empty' | 'pii_malformed' | 'pii_unsupported_version' | 'pii_tampered',
    message: string,
  ) {
    super(message);
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const SEALED_FORMAT = /^(v\d+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;
const HIDDEN = '（已隐藏）';
const HASHED_KINDS: ReadonlySet<PiiKind> = new Set<PiiKind>(['idNumber', 'phone', 'bankAccount']);

/**
 * The canonical form of a value, so the same person typed two ways hashes the same:
 * full-width characters are folded (NFKC) because Chinese keyboards produce them;
 * ID numbers lose spaces and get an upper-case check letter X; phones and bank accounts keep digits only,
 * and a leading 86 country code is dropped from 13-digit phones.
 */
export function normalizePii(kind: PiiKind, plain: string): string {
  const folded = plain.normalize('NFKC');
  switch (kind) {
    case 'idNumber':
      return folded.replace(/\s+/g, '').toUpperCase();
    case 'phone': {
      const digits = folded.replace(/\D+/g, '');
      return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
    }
    case 'bankAccount':
      return folded.replace(/\D+/g, '');
    case 'health':
      return folded.replace(/\s+/g, ' ').trim();
  }
}

/** `500113198001011234` → `5001**********1234`: region prefix and last four stay, as on official forms. */
export function maskIdNumber(plain: string): string {
  const id = normalizePii('idNumber', plain);
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** `13812345678` → `138****5678`; short landline numbers keep only their last four digits. */
export function maskPhone(plain: string): string {
  const phone = normalizePii('phone', plain);
  if (phone.length >= 11) return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  return `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
}

/** Last four digits only, behind a fixed-width prefix so the length of the account is not shown either. */
export function maskBankAccount(plain: string): string {
  const account = normalizePii('bankAccount', plain);
  return `**** **** **** ${account.slice(-4)}`;
}

/** The display form of any kind; health notes are never shown masked, only hidden. */
export function maskPii(kind: PiiKind, plain: string): string {
  switch (kind) {
    case 'idNumber':
      return maskIdNumber(plain);
    case 'phone':
      return maskPhone(plain);
    case 'bankAccount':
      return maskBankAccount(plain);
    case 'health':
      return HIDDEN;
  }
}

function decodeKey(name: string, base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return key;
}

/** Seal/open/hash bound to explicit keys: used for tests and for re-keying tools. */
export interface PiiCodec {
  seal(kind: PiiKind, plain: string): SealedPii;
  open(sealed: Pick<SealedPii, 'enc'>): string;
  hash(kind: PiiKind, plain: string): string;
}

/** Builds a codec over the given keys. */
export function createPiiCodec(keys: PiiKeys): PiiCodec {
  const hash = (kind: PiiKind, plain: string): string =>
    crypto
      .createHmac('sha256', keys.hashKey)
      .update(`${kind}:${normalizePii(kind, plain)}`, 'utf8')
      .digest('hex');

  const seal = (kind: PiiKind, plain: string): SealedPii => {
    const value = normalizePii(kind, plain);
    if (value === '') throw new PiiError('pii_empty', `empty ${kind}`);
    // A fresh random IV per value: GCM breaks if an IV is ever reused with the same key.
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const enc = [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
    const sealed: SealedPii = { enc, masked: maskPii(kind, value) };
    if (HASHED_KINDS.has(kind)) sealed.hash = hash(kind, value);
    return sealed;
  };

  const open = (sealed: Pick<SealedPii, 'enc'>): string => {
    const match = SEALED_FORMAT.exec(sealed.enc);
    if (!match) throw new PiiError('pii_malformed', 'sealed value is not version.iv.tag.ciphertext');
    const [, version = '', ivText = '', tagText = '', ciphertextText = ''] = match;
    if (version !== VERSION) throw new PiiError('pii_unsupported_version', `unsupported version ${version}`);
    const iv = Buffer.from(ivText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    const ciphertext = Buffer.from(ciphertextText, 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== 16) throw new PiiError('pii_malformed', 'bad iv or tag length');
    const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encryptionKey, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiError('pii_tampered', 'sealed value fails authentication (wrong key or altered data)');
    }
  };

  return { seal, open, hash };
}

let cached: { source: string; codec: PiiCodec } | undefined;

/** The codec over the configured keys, built once and again only when the keys change. */
function defaultCodec(): PiiCodec {
  const config = getConfig();
  const source = `${config.PII_ENCRYPTION_KEY}:${config.PII_HASH_KEY}`;
  if (cached?.source !== source) {
    cached = {
      source,
      codec: createPiiCodec({
        encryptionKey: decodeKey('PII_ENCRYPTION_KEY', config.PII_ENCRYPTION_KEY),
        hashKey: decodeKey('PII_HASH_KEY', config.PII_HASH_KEY),
      }),
    };
  }
  return cached.codec;
}

/** Normalizes, encrypts, hashes (except health) and masks a value for storage. Throws `pii_empty` on blank input. */
export function sealPii(kind: PiiKind, plain: string): SealedPii {
  return defaultCodec().seal(kind, plain);
}

/** Decrypts a stored value. Callers must log the access (audit) before showing the result to anyone. */
export function openPii(sealed: Pick<SealedPii, 'enc'>): string {
  return defaultCodec().open(sealed);
}

/** The lookup hash of a typed value, to query `*.hash` fields. */
export function hashPii(kind: PiiKind, plain: string): string {
  return defaultCodec().hash(kind, plain);
}
