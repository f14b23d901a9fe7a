import { EducationArticle } from '../../models/educationArticle';

/** A prevention answer for the chat: the title and the short answer. */
export interface EducationAnswer {
  slug: string;
  title: string;
  shortAnswer: string;
}

/**
 * The published article for a question: first by slug (the topic the bot recognised), then by any of the
 * question's words found among the articles' keywords (FerretDB has no text index, so keywords carry the words
 * villagers use). Undefined when nothing fits.
 */
export async function educationFinder(props: { slug?: string; words?: readonly string[] }): Promise<EducationAnswer | undefined> {
  const { slug, words = [] } = props;
  const bySlug = slug ? await EducationArticle.findOne({ slug, published: true }).lean() : null;
  const article =
    bySlug ?? (words.length > 0 ? await EducationArticle.findOne({ keywords: { $in: [...words] }, published: true }).lean() : null);
  return article ? { slug: article.slug, title: article.title, shortAnswer: article.shortAnswer } : undefined;
}

/** The titles of the published articles, for the list the bot offers. */
export async function educationTitles(): Promise<EducationAnswer[]> {
  const articles = await EducationArticle.find({ published: true }).sort({ createdAt: 1, slug: 1 }).limit(20).lean();
  return articles.map((article) => ({ slug: article.slug, title: article.title, shortAnswer: article.shortAnswer }));
}
