import crypto from 'node:crypto';
import { PiiError, createPiiCodec, hashPii, maskBankAccount, maskIdNumber, maskPhone, normalizePii, openPii, sealPii } from '../../lib/pii';

const ID = '500113198001011234';
const ENC_FORMAT = /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof PiiError ? error.code : `not a PiiError: ${String(error)}`;
  }
  return undefined;
}

describe('sealPii / openPii', () => {
  it.each([
    ['idNumber', ID, ID],
    ['idNumber', ' 50011319800101123x ', '50011319800101123X'],
    ['idNumber', '５００１１３１９８００１０１１２３４', ID],
    ['phone', '138 1234 5678', '13812345678'],
    ['phone', '+86 138-1234-5678', '13812345678'],
    ['bankAccount', '6228 4801 2345 6789 012', '6228480123456789012'],
    ['health', '  二级肢体残疾  ', '二级肢体残疾'],
  ] as const)('%s %p round-trips to its normalized form', (kind, plain, normalized) => {
    const sealed = sealPii(kind, plain);
    expect(sealed.enc).toMatch(ENC_FORMAT);
    expect(sealed.enc).not.toContain(normalized);
    expect(openPii(sealed)).toBe(normalized);
  });

  it('uses a fresh IV each time but the same lookup hash', () => {
    const a = sealPii('phone', '13812345678');
    const b = sealPii('phone', '138 1234 5678');
    expect(a.enc).not.toBe(b.enc);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).toBe(hashPii('phone', '+8613812345678'));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('separates kinds in the hash, so equal digits of a phone and an account do not match', () => {
    expect(hashPii('phone', '13812345678')).not.toBe(hashPii('bankAccount', '13812345678'));
  });

  it('masks on sealing and keeps no hash for health notes', () => {
    expect(sealPii('idNumber', ID).masked).toBe('5001**********1234');
    expect(sealPii('phone', '13812345678').masked).toBe('138****5678');
    const health = sealPii('health', '高血压');
    expect(health.masked).toBe('（已隐藏）');
    expect(health.hash).toBeUndefined();
  });

  it('refuses blank values', () => {
    expect(codeOf(() => sealPii('phone', ' - '))).toBe('pii_empty');
  });

  it('detects tampering, unknown versions and malformed values', () => {
    const sealed = sealPii('idNumber', ID);
    const parts = sealed.enc.split('.');
    const flipped = Buffer.from(parts[3] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = [parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.');
    expect(codeOf(() => openPii({ enc: tampered }))).toBe('pii_tampered');
    expect(codeOf(() => openPii({ enc: sealed.enc.replace(/^v1/, 'v9') }))).toBe('pii_unsupported_version');
    expect(codeOf(() => openPii({ enc: ID }))).toBe('pii_malformed');
  });

  it('cannot be opened or matched with other keys', () => {
    const other = createPiiCodec({ encryptionKey: crypto.randomBytes(32), hashKey: crypto.randomBytes(32) });
    const sealed = sealPii('phone', '13812345678');
    expect(codeOf(() => other.open(sealed))).toBe('pii_tampered');
    expect(other.hash('phone', '13812345678')).not.toBe(sealed.hash);
    expect(other.open(other.seal('phone', '13812345678'))).toBe('13812345678');
  });
});

describe('masks', () => {
  it('show only what officials may see', () => {
    expect(maskIdNumber('500113198001011234')).toBe('5001**********1234');
    expect(maskIdNumber('500113800101123')).toBe('5001*******1123');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('66221234')).toBe('****1234');
    expect(maskBankAccount('6228480123456789012')).toBe('**** **** **** 9012');
  });

  it('normalize first', () => {
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(normalizePii('idNumber', '50011319800101123x')).toBe('50011319800101123X');
  });
});
