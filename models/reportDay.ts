import { Schema, model, type InferSchemaType } from 'mongoose';
import { REGION_CODE } from './shared';

/**
 * One row per region and Beijing day on which a report was filed there (`_id` = `<regionCode>:<YYYYMMDD>`), written
 * once by `reportCreator`. A list page walks a region's days newest first and reads only the reports of the days it
 * needs (`Report.listKeys`), instead of loading and sorting every report of the region (which FerretDB does in Go).
 */
const reportDaySchema = new Schema(
  {
    _id: { type: String, required: true },
    regionCode: { type: String, required: true, match: REGION_CODE },
    day: { type: String, required: true, match: /^\d{8}$/ },
  },
  { versionKey: false },
);

reportDaySchema.index({ regionCode: 1 });

/** Fields of a report day. */
export type ReportDayFields = InferSchemaType<typeof reportDaySchema>;
/** Days with reports, per region (collection `reportdays`). */
export const ReportDay = model('ReportDay', reportDaySchema);
