import { z } from 'zod';

/** A knowledge-base article as stored and exchanged as JSON. */
export const knowledgeArticleSchema = z.object({
  /** Unique id; upserting an article with the same id replaces it. */
  id: z.string().min(1),
  /** The headline, weighted highest in search. */
  title: z.string().min(1),
  /** The article's text, sent to a customer as self-service when it has no `url`. */
  body: z.string(),
  /** ISO 639-1 language of the article (`en`, `de`, …). */
  language: z.string().min(2),
  /** Topics for filtering searches (`tags`) and, weighted above the body, for matching. Default none. */
  tags: z.array(z.string()).default([]),
  /** `public` articles are offered to customers; `internal` ones only to agents and store staff. */
  visibility: z.enum(['public', 'internal']).default('public'),
  /** Where customers can read it, when it is published on the help centre. */
  url: z.string().optional(),
});

/** A knowledge-base article. */
export type KnowledgeArticle = z.output<typeof knowledgeArticleSchema>;
/** A knowledge-base article as given to `upsert`, with `tags` and `visibility` optional. */
export type KnowledgeArticleInput = z.input<typeof knowledgeArticleSchema>;
