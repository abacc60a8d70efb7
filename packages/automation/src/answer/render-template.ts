/** Values a template may reference; a missing or null value empties the `[[…]]` section that uses it. */
export type TemplateValues = Readonly<Record<string, string | null | undefined>>;

const placeholder = /\{([a-zA-Z]+)\}/g;
const optionalSection = /\[\[([\s\S]*?)\]\]/g;

/**
 * Fills a template in one pass, so values are never read as template syntax.
 *
 * A `[[…]]` section is kept only when every placeholder inside it has a value; a placeholder
 * outside any section with no value renders as an empty string.
 *
 * @param template - text with `{name}` placeholders and optional `[[…]]` sections
 * @param values - the values to insert
 * @returns the rendered text with runs of spaces collapsed
 * @example
 * renderTemplate('On its way[[ with {carrier}]].', { carrier: null }); // 'On its way.'
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const has = (name: string) => {
    const value = values[name];
    return value !== null && value !== undefined && value !== '';
  };
  const fill = (text: string) => text.replace(placeholder, (_match, name: string) => values[name] ?? '');
  let rendered = '';
  let cursor = 0;
  for (const section of template.matchAll(optionalSection)) {
    rendered += fill(template.slice(cursor, section.index));
    const inner = section[1]!;
    const names = [...inner.matchAll(placeholder)].map((found) => found[1]!);
    if (names.every(has)) rendered += fill(inner);
    cursor = section.index + section[0].length;
  }
  rendered += fill(template.slice(cursor));
  return rendered.replace(/ {2,}/g, ' ').trim();
}

/**
 * Lists placeholders in a template that are not among the allowed names.
 *
 * @param template - the template text
 * @param allowed - the placeholder names the renderer supplies
 * @returns the unknown names (empty when the template is valid)
 */
export function unknownPlaceholders(template: string, allowed: readonly string[]): string[] {
  return [...template.matchAll(placeholder)].map((found) => found[1]!).filter((name) => !allowed.includes(name));
}
