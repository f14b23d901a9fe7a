import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EDUCATION_SEASONS, EDUCATION_TOPICS, EducationArticle } from '../../models/educationArticle';

/** The seed articles shipped with levee. */
export const EDUCATION_SEED_FILE = path.resolve(__dirname, '..', '..', 'resources', 'education', 'articles.json');

const SeedArticle = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  topic: z.enum(EDUCATION_TOPICS),
  seasons: z.array(z.enum(EDUCATION_SEASONS)).default([]),
  title: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
  shortAnswer: z.string().min(1).max(300),
  body: z.string().min(1),
});

const SeedFile = z.object({ version: z.number().int(), source: z.string(), articles: z.array(SeedArticle).min(1) });

/** One seed article, as parsed from the file. */
export type SeedEducationArticle = z.infer<typeof SeedArticle>;

/** Reads and checks the seed file; a malformed file stops the start with the zod message. */
export function readEducationSeed(file: string = EDUCATION_SEED_FILE): SeedEducationArticle[] {
  return SeedFile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).articles;
}

/**
 * Loads the seed prevention articles, idempotently: an article is inserted when its slug is new and left alone
 * when it exists, so an administrator's later edits of the text are never overwritten by a restart.
 * Returns how many were inserted.
 */
export async function educationSeedLoader(
  articles: readonly SeedEducationArticle[] = readEducationSeed(),
): Promise<{ inserted: number; total: number }> {
  const result = await EducationArticle.bulkWrite(
    articles.map((article) => ({
      updateOne: { filter: { slug: article.slug }, update: { $setOnInsert: { ...article, published: true } }, upsert: true },
    })),
    { ordered: false },
  );
  return { inserted: result.upsertedCount, total: articles.length };
}
