import type { IntentLexicon } from '../intent-lexicon';
import type { SupportLanguage } from '../support-language';
import { germanLexicon } from './de';
import { englishLexicon } from './en';
import { spanishLexicon } from './es';
import { finnishLexicon } from './fi';
import { frenchLexicon } from './fr';
import { norwegianLexicon } from './no';
import { polishLexicon } from './pl';
import { romanianLexicon } from './ro';
import { chineseLexicon } from './zh';

/** The built-in lexicons, one per supported language. */
export const defaultLexicons: Readonly<Record<SupportLanguage, IntentLexicon>> = {
  en: englishLexicon,
  de: germanLexicon,
  fr: frenchLexicon,
  es: spanishLexicon,
  pl: polishLexicon,
  no: norwegianLexicon,
  fi: finnishLexicon,
  ro: romanianLexicon,
  zh: chineseLexicon,
};
