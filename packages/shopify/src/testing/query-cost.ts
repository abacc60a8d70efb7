import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

// Shopify's calculated query cost: scalars and enums 0, objects 1, connections 2 plus `first` times the
// cost of one node; the actual cost counts what came back. https://shopify.dev/docs/api/usage/limits#cost-calculation

interface CostContext {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function fieldsOf(selectionSet: SelectionSetNode | undefined, context: CostContext): FieldNode[] {
  if (!selectionSet) return [];
  const out: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) out.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(selection.selectionSet, context));
    else out.push(...fieldsOf(context.fragments.get(selection.name.value)?.selectionSet, context));
  }
  return out;
}

/**
 * Reads an integer argument (literal or variable) of a field.
 * @param field - the field node
 * @param name - the argument name, such as `first`
 * @param variables - the request's variables
 * @returns the value, or null when absent
 */
export function intArgument(field: FieldNode, name: string, variables: Record<string, unknown>): number | null {
  const argument = field.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return null;
  const value = argument.value;
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) {
    const variable = variables[value.name.value];
    return typeof variable === 'number' ? variable : null;
  }
  return null;
}

function isConnection(type: GraphQLObjectType): boolean {
  return type.name.endsWith('Connection');
}

function requested(selectionSet: SelectionSetNode | undefined, parent: GraphQLObjectType, context: CostContext): number {
  let cost = 0;
  for (const field of fieldsOf(selectionSet, context)) {
    const definition = parent.getFields()[field.name.value];
    if (!definition) continue;
    const named = getNamedType(definition.type);
    if (!isObjectType(named)) continue;
    if (isConnection(named)) {
      const size = intArgument(field, 'first', context.variables) ?? intArgument(field, 'last', context.variables) ?? 0;
      cost += 2 + size * connectionNodeCost(field.selectionSet, named, context);
    } else if (isListType(getNullableType(definition.type))) {
      const size = intArgument(field, 'first', context.variables) ?? 1;
      cost += size * (1 + requested(field.selectionSet, named, context));
    } else {
      cost += 1 + requested(field.selectionSet, named, context);
    }
  }
  return cost;
}

function connectionNodeCost(
  selectionSet: SelectionSetNode | undefined,
  connection: GraphQLObjectType,
  context: CostContext,
): number {
  let cost = 0;
  for (const field of fieldsOf(selectionSet, context)) {
    const definition = connection.getFields()[field.name.value];
    if (!definition) continue;
    const named = getNamedType(definition.type);
    if (!isObjectType(named) || field.name.value === 'pageInfo') continue;
    if (field.name.value === 'edges') {
      const node = fieldsOf(field.selectionSet, context).find((candidate) => candidate.name.value === 'node');
      const nodeType = getNamedType(named.getFields().node!.type) as GraphQLObjectType;
      if (node) cost += 1 + requested(node.selectionSet, nodeType, context);
    } else {
      cost += 1 + requested(field.selectionSet, named, context);
    }
  }
  return cost;
}

function actual(selectionSet: SelectionSetNode | undefined, parent: GraphQLObjectType, data: unknown, context: CostContext): number {
  if (data === null || typeof data !== 'object') return 0;
  const record = data as Record<string, unknown>;
  let cost = 0;
  for (const field of fieldsOf(selectionSet, context)) {
    const definition = parent.getFields()[field.name.value];
    if (!definition) continue;
    const named = getNamedType(definition.type);
    if (!isObjectType(named)) continue;
    const value = record[field.alias?.value ?? field.name.value];
    if (value === null || value === undefined) continue;
    if (isConnection(named)) {
      cost += 2;
      const connection = value as Record<string, unknown>;
      for (const inner of fieldsOf(field.selectionSet, context)) {
        const items = connection[inner.alias?.value ?? inner.name.value];
        if (inner.name.value === 'nodes' && Array.isArray(items)) {
          const nodeType = getNamedType(named.getFields().nodes!.type) as GraphQLObjectType;
          for (const item of items) cost += 1 + actual(inner.selectionSet, nodeType, item, context);
        } else if (inner.name.value === 'edges' && Array.isArray(items)) {
          const edgeType = getNamedType(named.getFields().edges!.type) as GraphQLObjectType;
          for (const item of items) cost += actual(inner.selectionSet, edgeType, item, context);
        }
      }
    } else if (Array.isArray(value)) {
      for (const item of value) cost += 1 + actual(field.selectionSet, named, item, context);
    } else {
      cost += 1 + actual(field.selectionSet, named, value, context);
    }
  }
  return cost;
}

function contextOf(document: DocumentNode, variables: Record<string, unknown>): { operation: OperationDefinitionNode | undefined; context: CostContext } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operation ??= definition;
  }
  return { operation, context: { fragments, variables } };
}

/**
 * The requested cost of a query: the most it can cost, charged up front.
 * @param document - the parsed query
 * @param root - the schema's query type
 * @param variables - the request's variables
 * @returns points
 * @example
 * ```ts
 * // A connection costs 2, plus 1 per node it may return.
 * requestedQueryCost(parse('{ orders(first: 10) { nodes { id name } } }'), adminSchema().getQueryType()!, {}); // 12
 * ```
 */
export function requestedQueryCost(document: DocumentNode, root: GraphQLObjectType, variables: Record<string, unknown>): number {
  const { operation, context } = contextOf(document, variables);
  return operation ? requested(operation.selectionSet, root, context) : 0;
}

/**
 * The actual cost of a query: what the returned data cost (Shopify refunds the difference).
 * @param document - the parsed query
 * @param root - the schema's query type
 * @param variables - the request's variables
 * @param data - the execution result's data
 * @returns points
 * @example
 * ```ts
 * const data = { orders: { nodes: [{ id: 'gid://shopify/Order/1', name: '#1001' }, { id: 'gid://shopify/Order/2', name: '#1002' }] } };
 * actualQueryCost(parse('{ orders(first: 10) { nodes { id name } } }'), adminSchema().getQueryType()!, {}, data); // 4
 * ```
 */
export function actualQueryCost(document: DocumentNode, root: GraphQLObjectType, variables: Record<string, unknown>, data: unknown): number {
  const { operation, context } = contextOf(document, variables);
  return operation ? actual(operation.selectionSet, root, data, context) : 0;
}
