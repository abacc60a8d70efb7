/** Languages the built-in rules recognise and the default templates answer in. */
export const supportLanguages = ['en', 'de', 'fr', 'es', 'pl', 'no', 'fi', 'ro', 'zh'] as const;

/** A language the built-in rules and templates cover (ISO 639-1; `no` is Norwegian Bokmål). */
export type SupportLanguage = (typeof supportLanguages)[number];

/**
 * Tells whether a language code is one the built-in rules and templates cover.
 *
 * @param language - an ISO 639-1 code or BCP 47 tag (`nb-NO` counts as `no`)
 * @returns the covered language, or `undefined`
 * @example
 * toSupportLanguage('de-AT'); // 'de'
 */
export function toSupportLanguage(language: string): SupportLanguage | undefined {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  const mapped = primary === 'nb' || primary === 'nn' ? 'no' : primary;
  return (supportLanguages as readonly string[]).includes(mapped) ? (mapped as SupportLanguage) : undefined;
}
