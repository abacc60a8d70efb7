import { describe, expect, it } from 'vitest';
import { backfillOrdersQuery, fullOrderByIdQuery, ordersSearchQuery } from './admin-queries';
import { graphqlOperationType } from './graphql-operation-type';

describe('graphqlOperationType', () => {
  it('reads queries, the shorthand included, as queries', () => {
    for (const document of ['{ shop { name } }', backfillOrdersQuery, fullOrderByIdQuery, ordersSearchQuery]) expect(graphqlOperationType(document)).toBe('query');
  });

  it('reads a mutation wherever it sits, and never mistakes a word inside a string, a comment or a selection for one', () => {
    expect(graphqlOperationType('fragment F on Order { id }\nmutation Tag($id: ID!) { tagsAdd(id: $id, tags: ["x"]) { userErrors { message } } }')).toBe('mutation');
    expect(graphqlOperationType('  # a comment\n  mutation { x }')).toBe('mutation');
    expect(graphqlOperationType('# mutation in a comment\n{ orders(first: 1, query: "mutation") { nodes { id } } }')).toBe('query');
    expect(graphqlOperationType('query Q { node(id: """mutation { x }""") { id } }')).toBe('query');
    expect(graphqlOperationType('{ mutation: shop { name } }')).toBe('query');
    expect(graphqlOperationType('subscription S { x }')).toBe('subscription');
  });
});
