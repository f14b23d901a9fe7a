import { Schema, model, type HydratedDocumentFromSchema, type InferSchemaType } from 'mongoose';

/** Topics of prevention education. */
export const EDUCATION_TOPICS = [
  'flood',
  'landslide',
  'lightning',
  'rainstorm',
  'fire',
  'cold',
  'earthquake',
  'drought',
  'relief',
  'general',
] as const;

/** When an article is pushed: 汛前 (Apr–May), 汛期 (Jun–Sep), winter, 防灾减灾日 (12 May), 科普日. */
export const EDUCATION_SEASONS = ['flood_prep', 'flood_season', 'winter', 'prevention_day', 'science_day'] as const;

/**
 * A prevention article in plain Chinese, with a short answer the bot can send as one message. The bot matches
 * questions on `keywords` (FerretDB has no text index), so keywords carry the words villagers use.
 */
const educationArticleSchema = new Schema(
  {
    slug: { type: String, required: true, match: /^[a-z0-9]+(-[a-z0-9]+)*$/ },
    title: { type: String, required: true, trim: true },
    topic: { type: String, enum: EDUCATION_TOPICS, required: true },
    seasons: { type: [{ type: String, enum: EDUCATION_SEASONS }], default: [] },
    keywords: { type: [String], default: [] },
    body: { type: String, required: true },
    shortAnswer: { type: String, required: true, maxlength: 300 },
    published: { type: Boolean, default: true },
  },
  { timestamps: true },
);

educationArticleSchema.index({ slug: 1 }, { unique: true });
educationArticleSchema.index({ keywords: 1 });
educationArticleSchema.index({ seasons: 1 });

/** Fields of an education article. */
export type EducationArticleFields = InferSchemaType<typeof educationArticleSchema>;
/** A loaded education article. */
export type EducationArticleDocument = HydratedDocumentFromSchema<typeof educationArticleSchema>;
/** Prevention articles (collection `educationarticles`). */
export const EducationArticle = model('EducationArticle', educationArticleSchema);
