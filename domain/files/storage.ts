import type { Readable } from 'node:stream';

/**
 * Where file bytes live, keyed by the SHA-256 of their content. The local disk implementation serves one
 * district; object storage (MinIO, COS) can replace it behind the same three calls.
 */
export interface FileStorage {
  /** Stores `bytes` under `hash`. Storing the same content twice is a no-op. */
  put(hash: string, bytes: Buffer): Promise<void>;
  /** The bytes under `hash` as a stream, or undefined when there are none. */
  get(hash: string): Promise<Readable | undefined>;
  exists(hash: string): Promise<boolean>;
}
