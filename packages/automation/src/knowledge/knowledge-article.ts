import { z } from 'zod';

/** A knowledge-base article as stored and exchanged as JSON. */
export const knowledgeArticleSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  body: z.string(),
  /** ISO 639-1 language of the article (`en`, `de`, …). */
  language: z.string().min(2),
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
