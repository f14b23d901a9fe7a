import { ReportDay } from '../../models/reportDay';
import { beijingDay } from '../../models/sequence';
import { isDuplicateKeyError } from '../../models/shared';
import { DISTRICT_CODE } from '../core/regionScope';

/** Where a report lies: its village and town (and so the district). */
export interface ReportPlace {
  villageCode: string;
  townCode: string;
}

const regionsOf = (place: ReportPlace): string[] => [DISTRICT_CODE, place.townCode, place.villageCode];

/** The day key of a region: `<regionCode>:<YYYYMMDD>` (Beijing day). */
export const reportDayKey = (regionCode: string, day: string): string => `${regionCode}:${day}`;

/** A report's `listKeys`: the day key of its district, town and village on the day it was filed. */
export function reportListKeys(place: ReportPlace, reportedAt: Date): string[] {
  const day = beijingDay(reportedAt);
  return regionsOf(place).map((region) => reportDayKey(region, day));
}

// Days already marked by this process: a day is written once per region, not once per report.
const marked = new Set<string>();

/**
 * Marks the day of a new report for its district, town and village (`ReportDay`), so list pages find it. Inserted
 * once: another process (or a restart) marking the same day is a duplicate key, which is the wanted outcome.
 */
export async function markReportDay(place: ReportPlace, reportedAt: Date): Promise<void> {
  const day = beijingDay(reportedAt);
  const rows = regionsOf(place)
    .filter((regionCode) => !marked.has(reportDayKey(regionCode, day)))
    .map((regionCode) => ({ _id: reportDayKey(regionCode, day), regionCode, day }));
  if (rows.length === 0) return;
  try {
    await ReportDay.insertMany(rows, { ordered: false });
  } catch (error) {
    const refused = error instanceof Error && 'writeErrors' in error ? error.writeErrors : undefined;
    const all = Array.isArray(refused) ? refused : [refused];
    if (!all.every((writeError) => isDuplicateKeyError(writeError))) throw error;
  }
  for (const row of rows) marked.add(row._id);
}
