/** The kind of a GraphQL operation: a read, or a write that may have run even when its answer was an error. */
export type GraphqlOperationType = 'query' | 'mutation' | 'subscription';

// Strings, block strings and comments can hold anything, `mutation` included: skipped before reading keywords.
const ignored = /"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n\r]*/g;

/**
 * Tells whether a GraphQL document sends a query, a mutation or a subscription, without a GraphQL parser
 * (an optional dependency). A document holding any mutation counts as a mutation: it must never be resent blind.
 * @param document - the GraphQL document
 * @returns `mutation` or `subscription` when a top-level operation is one, otherwise `query` (the shorthand `{ … }` included)
 * @example
 * ```ts
 * graphqlOperationType('{ shop { name } }'); // 'query'
 * graphqlOperationType('mutation Refund($input: RefundInput!) { refundCreate(input: $input) { refund { id } } }'); // 'mutation'
 * ```
 */
export function graphqlOperationType(document: string): GraphqlOperationType {
  const text = document.replace(ignored, ' ');
  let depth = 0;
  let found: GraphqlOperationType = 'query';
  // Keywords count only outside selection sets, variable lists and argument lists.
  for (const token of text.matchAll(/[{}()[\]]|[_A-Za-z][_0-9A-Za-z]*/g)) {
    const word = token[0];
    if (word === '{' || word === '(' || word === '[') depth++;
    else if (word === '}' || word === ')' || word === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && word === 'mutation') return 'mutation';
    else if (depth === 0 && word === 'subscription') found = 'subscription';
  }
  return found;
}
