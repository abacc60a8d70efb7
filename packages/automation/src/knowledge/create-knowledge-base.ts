import MiniSearch, { type SearchResult } from 'minisearch';
import { toSupportLanguage } from '../intent/support-language';
import { type KnowledgeArticle, type KnowledgeArticleInput, knowledgeArticleSchema } from './knowledge-article';
import { keepSearchTerm, tokeniseForSearch } from './search-terms';

/** Who a search is for: customers see public articles only, agents and store staff see all. */
export type KnowledgeAudience = 'customer' | 'agent';

/** Options of one search. */
export interface KnowledgeSearchOptions {
  /** Limit to articles in this language (BCP 47 tags are reduced to their language). */
  readonly language?: string;
  /** Limit to articles holding at least one of these tags. */
  readonly tags?: readonly string[];
  /** Default `agent` (everything). */
  readonly audience?: KnowledgeAudience;
  /** Default 5. */
  readonly limit?: number;
}

/** One ranked search result. */
export interface KnowledgeHit {
  /** The matching article. */
  readonly article: KnowledgeArticle;
  /** BM25 score from the search library; only comparable within one search. */
  readonly score: number;
  /** Share of the query's meaningful terms that this article matched, from 0 to 1. */
  readonly coverage: number;
}

/** Settings of a knowledge base. */
export interface KnowledgeBaseOptions {
  /** Articles to start with. */
  readonly articles?: readonly KnowledgeArticleInput[];
  /** Language searched when a message's language has no articles. Default `en`. */
  readonly defaultLanguage?: string;
  /** Coverage a result needs before it is offered to a customer as self-service. Default 0.5. */
  readonly selfServiceMinCoverage?: number;
}

/** Suggestions for one inbound message. */
export interface KnowledgeSuggestions {
  /** Public articles good enough to send to the customer (possibly none). */
  readonly selfService: readonly KnowledgeHit[];
  /** Articles to show the agent on the case, internal ones included. */
  readonly forAgent: readonly KnowledgeHit[];
}

/** Articles with full-text search, shared by web self-service, agents and store staff. */
export interface KnowledgeBase {
  /**
   * Adds or replaces an article.
   * @param article - the article; validated
   * @returns the stored article
   * @throws Error with code `invalid_article` when the article is malformed
   */
  upsert(article: KnowledgeArticleInput): KnowledgeArticle;
  /**
   * Removes an article.
   * @param id - the article id
   * @returns whether it existed
   */
  remove(id: string): boolean;
  /**
   * Reads one article.
   * @param id - the article id
   * @returns the article or `undefined`
   */
  get(id: string): KnowledgeArticle | undefined;
  /** Lists all articles in insertion order. @returns the articles */
  list(): KnowledgeArticle[];
  /**
   * Ranked full-text search over titles, tags and bodies (typo- and prefix-tolerant).
   * @param query - free text
   * @param options - language, tags, audience, limit
   * @returns hits, best first
   */
  search(query: string, options?: KnowledgeSearchOptions): KnowledgeHit[];
  /**
   * Suggests articles for an inbound message, for the customer and for the agent.
   * @param message - the message text and its language
   * @param options - `limit` per list (default 3)
   * @returns self-service and agent suggestions
   */
  suggest(message: { text: string; language: string }, options?: { limit?: number }): KnowledgeSuggestions;
  /** Serialises the articles (not the index) as JSON, for saving. @returns a JSON array */
  toJSON(): string;
}

/**
 * Creates a knowledge base held in memory, searched with MiniSearch (BM25, fuzzy and prefix matching).
 *
 * @param options - starting articles and suggestion thresholds
 * @returns the knowledge base
 * @throws Error with code `invalid_article` when a starting article is malformed
 * @example
 * const kb = createKnowledgeBase({ articles: [{ id: 'returns', title: 'Returns', body: '30 days…', language: 'en' }] });
 * kb.search('how do I return a jacket', { language: 'en', audience: 'customer' });
 */
export function createKnowledgeBase(options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const defaultLanguage = options.defaultLanguage ?? 'en';
  const minCoverage = options.selfServiceMinCoverage ?? 0.5;
  const articles = new Map<string, KnowledgeArticle>();
  const index = new MiniSearch<KnowledgeArticle>({
    fields: ['title', 'tagText', 'body'],
    extractField: (document, field) =>
      field === 'tagText' ? document.tags.join(' ') : String((document as unknown as Record<string, unknown>)[field] ?? ''),
    tokenize: tokeniseForSearch,
    processTerm: keepSearchTerm,
    searchOptions: { boost: { title: 3, tagText: 2 }, fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });

  const upsert = (input: KnowledgeArticleInput): KnowledgeArticle => {
    const parsed = knowledgeArticleSchema.safeParse(input);
    if (!parsed.success) {
      throw Object.assign(new Error(`Knowledge article is malformed: ${parsed.error.message}`), { code: 'invalid_article' });
    }
    const article = parsed.data;
    if (articles.has(article.id)) index.discard(article.id);
    articles.set(article.id, article);
    index.add(article);
    return article;
  };
  for (const article of options.articles ?? []) upsert(article);

  const search = (query: string, searchOptions: KnowledgeSearchOptions = {}): KnowledgeHit[] => {
    const queryTerms = new Set(tokeniseForSearch(query).map(keepSearchTerm).filter((term): term is string => term !== null));
    if (queryTerms.size === 0) return [];
    const language = searchOptions.language === undefined ? undefined : primaryLanguage(searchOptions.language);
    const tags = searchOptions.tags;
    const customerOnly = searchOptions.audience === 'customer';
    const results = index.search(query, {
      filter: (result: SearchResult) => {
        const article = articles.get(result.id as string);
        if (article === undefined) return false;
        if (language !== undefined && primaryLanguage(article.language) !== language) return false;
        if (customerOnly && article.visibility !== 'public') return false;
        return tags === undefined || tags.some((tag) => article.tags.includes(tag));
      },
    });
    return results.slice(0, searchOptions.limit ?? 5).map((result) => ({
      article: articles.get(result.id as string)!,
      score: result.score,
      coverage: Math.min(1, new Set(result.queryTerms).size / queryTerms.size),
    }));
  };

  return {
    upsert,
    remove(id) {
      if (!articles.has(id)) return false;
      index.discard(id);
      articles.delete(id);
      return true;
    },
    get: (id) => articles.get(id),
    list: () => [...articles.values()],
    search,
    suggest(message, suggestOptions = {}) {
      const limit = suggestOptions.limit ?? 3;
      const own = primaryLanguage(message.language);
      const hasOwn = [...articles.values()].some((article) => primaryLanguage(article.language) === own);
      const language = hasOwn ? own : defaultLanguage;
      const forAgent = search(message.text, { language, audience: 'agent', limit });
      const selfService = search(message.text, { language, audience: 'customer', limit }).filter((hit) => hit.coverage >= minCoverage);
      return { selfService, forAgent };
    },
    toJSON: () => JSON.stringify([...articles.values()]),
  };
}

/**
 * Restores a knowledge base from the JSON that `toJSON` wrote.
 *
 * @param json - a JSON array of articles
 * @param options - the same settings as `createKnowledgeBase`, without `articles`
 * @returns the knowledge base
 * @throws Error with code `invalid_article` when an entry is malformed, or a `SyntaxError` for broken JSON
 * @example
 * const restored = loadKnowledgeBase(saved.toJSON());
 */
export function loadKnowledgeBase(json: string, options: Omit<KnowledgeBaseOptions, 'articles'> = {}): KnowledgeBase {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw Object.assign(new Error('Knowledge base JSON must be an array of articles'), { code: 'invalid_article' });
  return createKnowledgeBase({ ...options, articles: parsed as KnowledgeArticleInput[] });
}

function primaryLanguage(language: string): string {
  return toSupportLanguage(language) ?? language.toLowerCase().split(/[-_]/)[0] ?? language;
}
