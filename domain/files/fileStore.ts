import path from 'node:path';
import { getConfig } from '../../config';
import { localDiskStorage } from './localDiskStorage';
import type { FileStorage } from './storage';

let current: FileStorage | undefined;

/** The process's file storage: local disk under `DATA_DIR/files` unless `useFileStorage` replaced it. */
export function fileStorage(): FileStorage {
  current ??= localDiskStorage(path.join(getConfig().DATA_DIR, 'files'));
  return current;
}

/** Replaces the storage (object storage in a larger deployment). */
export function useFileStorage(storage: FileStorage): void {
  current = storage;
}
