import fs from 'node:fs';

/** Stops what globalSetup started and removes its temporary folder. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.leveeFakeWechat?.close();
  const started = globalThis.leveeTestDatabase;
  if (!started) return;
  await started.stop();
  fs.rmSync(started.dir, { recursive: true, force: true });
}
