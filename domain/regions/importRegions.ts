import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Region, type RegionFields } from '../../models/region';
import { isDuplicateKeyError } from '../../models/shared';

/** The bundled region list (NBS 统计用区划代码 2023). */
export const DEFAULT_REGION_FILE = path.resolve(__dirname, '..', '..', 'resources', 'banan-regions.json');

const code = z.string().regex(/^\d{12}$/);
const RegionFileSchema = z.object({
  district: z.object({ code, name: z.string().min(1) }),
  towns: z.array(
    z
      .object({
        code,
        name: z.string().min(1),
        kind: z.enum(['street', 'town']),
        villages: z.array(z.object({ code, name: z.string().min(1) })),
      })
      // A village's code continues its town's first nine digits; anything else means a corrupted file.
      .refine((town) => town.villages.every((v) => v.code.slice(0, 9) === town.code.slice(0, 9)), {
        message: 'village code outside its town',
      }),
  ),
});

/** What an import found and did. Running it again on the same file inserts and updates nothing. */
export interface RegionImportResult {
  district: number;
  towns: number;
  villages: number;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * The name people say: committees lose their committee suffix (黄金林村村民委员会 → 黄金林村,
 * 百节社区居民委员会 → 百节社区); towns, streets and the district are already called by their name (木洞镇).
 */
export function regionShortName(name: string): string {
  if (name.endsWith('村民委员会')) return name.slice(0, -'村民委员会'.length);
  if (name.endsWith('居民委员会')) return name.slice(0, -'居民委员会'.length);
  return name;
}

/** The bare place name as well (木洞镇 → 木洞, 黄金林村 → 黄金林), for matching what villagers type. */
export function regionAliases(shortName: string): string[] {
  const bare = shortName.replace(/(街道|社区|镇|村|区)$/, '');
  return bare.length >= 2 && bare !== shortName ? [bare] : [];
}

type RegionRow = Omit<RegionFields, 'kind' | 'parentCode' | 'townCode'> & {
  kind?: 'street' | 'town';
  parentCode?: string;
  townCode?: string;
};

function regionRows(file: z.infer<typeof RegionFileSchema>): RegionRow[] {
  const district = file.district;
  const row = (id: string, name: string): Pick<RegionRow, '_id' | 'name' | 'shortName' | 'aliases'> => {
    const shortName = regionShortName(name);
    return { _id: id, name, shortName, aliases: regionAliases(shortName) };
  };
  const rows: RegionRow[] = [{ ...row(district.code, district.name), level: 'district', path: [] }];
  for (const town of file.towns) {
    rows.push({
      ...row(town.code, town.name),
      level: 'town',
      kind: town.kind,
      parentCode: district.code,
      townCode: town.code,
      path: [district.code],
    });
    for (const village of town.villages) {
      rows.push({
        ...row(village.code, village.name),
        level: 'village',
        parentCode: town.code,
        townCode: town.code,
        path: [district.code, town.code],
      });
    }
  }
  return rows;
}

const COMPARED_FIELDS = ['name', 'shortName', 'aliases', 'level', 'kind', 'parentCode', 'townCode', 'path'] as const;

function sameRegion(stored: Partial<Record<(typeof COMPARED_FIELDS)[number], unknown>>, row: RegionRow): boolean {
  return COMPARED_FIELDS.every((field) => JSON.stringify(stored[field] ?? null) === JSON.stringify(row[field] ?? null));
}

/**
 * Loads the region list into `regions`, keyed by code: new regions are inserted, changed ones updated, and a
 * second run with the same file writes nothing. Regions missing from the file are kept, because households and
 * reports still point at them.
 *
 * It diffs against one read of the collection instead of sending a bulk of upserts: FerretDB 1.24 hangs on an
 * update command of about 50 statements (see models/README.md), and the diff also makes a re-run write-free.
 */
export async function importRegions(file: string = DEFAULT_REGION_FILE): Promise<RegionImportResult> {
  const parsed = RegionFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const rows = regionRows(parsed);
  const stored = new Map((await Region.find({}).lean()).map((r) => [r._id, r]));
  const fresh = rows.filter((row) => !stored.has(row._id));
  const changed = rows.filter((row) => {
    const current = stored.get(row._id);
    return current !== undefined && !sameRegion(current, row);
  });
  if (fresh.length > 0) {
    try {
      await Region.insertMany(fresh, { ordered: false });
    } catch (error) {
      // Another process importing at the same moment inserted the same codes with the same data.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
  // One statement per command, in sequence, for the FerretDB limit above; a rename touches a handful of rows.
  for (const { _id, ...fields } of changed) {
    await Region.updateOne({ _id }, { $set: fields });
  }
  return {
    district: 1,
    towns: parsed.towns.length,
    villages: rows.filter((r) => r.level === 'village').length,
    total: rows.length,
    inserted: fresh.length,
    updated: changed.length,
    unchanged: rows.length - fresh.length - changed.length,
  };
}
