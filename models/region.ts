import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';
import { REGION_LEVELS } from './enums';
import { REGION_CODE } from './shared';

/**
 * A region of Banan: the district, its 23 镇街 and 313 villages/communities, keyed by the 12-digit NBS code.
 * Reference data loaded by `domain/regions/importRegions.ts`; never deleted because reports and households point at it.
 * `shortName` is what people say (黄金林村, 百节社区, 木洞镇); `aliases` adds the bare place name (黄金林, 木洞)
 * for the bot to match free text. `path` lists the ancestors from the district down, so "everything under
 * town X" is `{ path: X }` and scope checks need no join.
 */
const regionSchema = new Schema(
  {
    _id: { type: String, required: true, match: REGION_CODE },
    name: { type: String, required: true },
    shortName: { type: String, required: true },
    aliases: { type: [String], default: [] },
    level: { type: String, enum: REGION_LEVELS, required: true },
    kind: { type: String, enum: ['street', 'town'] as const },
    parentCode: { type: String, match: REGION_CODE },
    townCode: { type: String, match: REGION_CODE },
    path: { type: [String], default: [] },
  },
  // Reference data has no timestamps: an import that changes nothing must write nothing.
  { versionKey: false },
);

regionSchema.index({ parentCode: 1 });
regionSchema.index({ path: 1 });
regionSchema.index({ level: 1 });

/** Fields of a region. */
export type RegionFields = InferSchemaType<typeof regionSchema>;
/** A loaded region document. */
export type RegionDocument = HydratedDocumentFromSchema<typeof regionSchema>;
/** Regions of the district (collection `regions`). */
export const Region = model('Region', regionSchema);
