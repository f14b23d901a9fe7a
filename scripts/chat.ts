// `npm run chat`: chat with the bot as a villager in the terminal, against the configured database.
//
// Logs go to stderr only (lib/logger writes there), so `--json` readers can parse every line of stdout. Quiet by
// default: the level is set before the configuration is read by the modules loaded below.
process.env.LOG_LEVEL ??= 'warn';

import os from 'node:os';

const USAGE = `npm run chat [-- --json] [-- --user NAME]
  (no flag)  type as a villager; each line is a message
  --json     read one JSON object per line from stdin:
             {"user":"u1","text":"屋头遭水淹了"}  or "image":"photo.jpg" | "location":{"lat":29.4,"lng":106.5,"label":"…"} | "voice":true
             and write one JSON line per reply {"user","text","flow","step"}, then {"user","done":true}`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const json = args.includes('--json');
  const userAt = args.indexOf('--user');
  const user = (userAt >= 0 ? args[userAt + 1] : undefined) ?? `cli-${os.userInfo().username}`;
  // Loaded after LOG_LEVEL is set above.
  const { logger: log } = await import('../lib/logger');
  const { getConfig } = await import('../config');
  const { connectForScript } = await import('../db/forScript');
  const { ensureModels } = await import('../models');
  const { importRegions } = await import('../domain/regions/importRegions');
  const { educationSeedLoader } = await import('../domain/education/educationSeedLoader');
  const { createEngine } = await import('../bot/engine');
  const { runInteractiveChat, runJsonChat } = await import('../bot/channels/cli');

  const close = await connectForScript(getConfig(), log);
  try {
    await ensureModels();
    // Both are idempotent; they make a fresh database usable for a first try.
    await importRegions();
    await educationSeedLoader();
    const engine = createEngine({ log });
    const io = { engine, input: process.stdin, output: process.stdout, log };
    if (json) await runJsonChat(io);
    else await runInteractiveChat({ ...io, user });
    await engine.idle();
  } finally {
    await close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`chat: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
