// `npm run -s token -- --role <role> [--region CODE] [--name N]`: prints a development access token, and nothing
// else, on stdout (for `curl -H "Authorization: Bearer $(npm run -s token -- --role town_official)"`).
//
// lib/logger writes to stdout, so it is silenced before any module that uses it loads; this script logs to stderr.
process.env.LOG_LEVEL = 'silent';

import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';

const USAGE = `npm run -s token -- --role <role> [--region CODE] [--name NAME]
  --role    ${['grid_worker', 'village_cadre', 'town_official', 'district_admin', 'department', 'bank_officer'].join(' | ')}
  --region  12-digit region code; default: the district for district_admin/department/bank_officer,
            木洞镇 (500113109000) for town_official, its 中坝村 (500113109200) for grid_worker/village_cadre
  --name    the staff member's name; default 开发-<role>
The staff account is created the first time and reused afterwards. Refused when NODE_ENV=production.`;

/** Default region per role: real codes from resources/banan-regions.json. */
const DEFAULT_REGION = {
  district_admin: '500113000000',
  department: '500113000000',
  bank_officer: '500113000000',
  town_official: '500113109000',
  grid_worker: '500113109200',
  village_cadre: '500113109200',
} as const;

const Args = z.strictObject({
  role: z.enum(['grid_worker', 'village_cadre', 'town_official', 'district_admin', 'department', 'bank_officer'], {
    error: '--role is missing or not one of the roles below',
  }),
  region: z
    .string()
    .regex(/^\d{12}$/, '--region must be a 12-digit region code')
    .optional(),
  name: z.string().trim().min(1).max(30).optional(),
});

async function main(log: pino.Logger): Promise<string> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, region: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`);
  const { role, name } = parsed.data;
  const regionCode = parsed.data.region ?? DEFAULT_REGION[role];

  // Loaded after the logger switch above, so that nothing they log reaches stdout.
  const { getConfig } = await import('../config');
  const config = getConfig();
  if (config.NODE_ENV === 'production') throw new Error('token refuses to run with NODE_ENV=production');
  const { connectForScript } = await import('../db/forScript');
  const { ensureModels } = await import('../models');
  const { importRegions } = await import('../domain/regions/importRegions');
  const { devStaffAccount } = await import('../domain/staff/createStaff');
  const { staffActorOf } = await import('../domain/staff/staffActorOf');
  const { issueAccessToken } = await import('../domain/auth/accessToken');

  const close = await connectForScript(config, log);
  try {
    await ensureModels();
    await importRegions();
    // One account per role, region and name, found again by this username on the next run.
    const suffix = name ? `.${crypto.createHash('sha256').update(name).digest('hex').slice(0, 8)}` : '';
    const staff = await devStaffAccount({ username: `dev.${role}.${regionCode}${suffix}`, name: name ?? `开发-${role}`, role, regionCode });
    log.info({ id: staff.id, role, regionCode }, 'token for development staff account');
    return issueAccessToken(staffActorOf(staff));
  } finally {
    await close();
  }
}

const log = pino({ level: process.env.TOKEN_LOG_LEVEL ?? 'warn', base: undefined }, pino.destination(2));
main(log).then(
  (token) => process.stdout.write(`${token}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
