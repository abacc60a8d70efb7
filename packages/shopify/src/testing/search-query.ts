// Shopify's search syntax, the subset the fake understands: `field:value`, comparators on dates
// (`updated_at:>='2026-11-01T00:00:00Z'`), quoted values, implicit AND, and `OR`.
// https://shopify.dev/docs/api/usage/search-syntax

/** One `field:value` term. */
interface SearchTerm {
  field: string | null;
  comparator: '=' | '>' | '>=' | '<' | '<=';
  value: string;
  /** The value as lower-case text and as a timestamp, read once. */
  lower: string;
  instant: number;
}

/** Reads a field of a record for search; undefined when the resource has no such field (the term is ignored). */
export type SearchFieldReader<T> = (record: T, field: string) => string | number | null | undefined;

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const character of query) {
    if (quote) {
      if (character === quote) quote = null;
      else current += character;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (/\s/.test(character)) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function parseTerm(token: string): SearchTerm {
  const colon = token.indexOf(':');
  if (colon <= 0) return { field: null, comparator: '=', value: token, lower: token.toLowerCase(), instant: Number.NaN };
  const field = token.slice(0, colon).toLowerCase();
  const rest = token.slice(colon + 1);
  const comparator = (/^(>=|<=|>|<)/.exec(rest)?.[1] ?? '=') as SearchTerm['comparator'];
  const value = rest.slice(comparator === '=' ? 0 : comparator.length);
  return { field, comparator, value, lower: value.toLowerCase(), instant: Date.parse(value) };
}

function matches(actual: string | number | null, term: SearchTerm): boolean {
  if (actual === null) return false;
  if (term.comparator === '=') return String(actual).toLowerCase() === term.lower;
  const left = typeof actual === 'number' ? actual : Date.parse(actual);
  const right = term.instant;
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  if (term.comparator === '>') return left > right;
  if (term.comparator === '>=') return left >= right;
  if (term.comparator === '<') return left < right;
  return left <= right;
}

/**
 * Compiles a search query into a predicate.
 * @param query - the `query` argument, or null/empty for everything
 * @param read - reads a searchable field of a record
 * @param freeText - matches an unfielded word
 * @returns the predicate
 */
export function compileSearch<T>(
  query: string | null | undefined,
  read: SearchFieldReader<T>,
  freeText: (record: T, word: string) => boolean,
): (record: T) => boolean {
  if (!query?.trim()) return () => true;
  const clauses: SearchTerm[][] = [[]];
  for (const token of tokenize(query)) {
    if (token === 'OR') clauses.push([]);
    else if (token !== 'AND') clauses.at(-1)!.push(parseTerm(token));
  }
  return (record) =>
    clauses.some((terms) =>
      terms.every((term) => {
        if (term.field === null) return freeText(record, term.value);
        const actual = read(record, term.field);
        return actual === undefined ? true : matches(actual, term);
      }),
    );
}
