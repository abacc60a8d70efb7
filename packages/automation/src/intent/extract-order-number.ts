import type { AnalysedMessage } from './analyse-message';
import type { CompiledLexicon } from './compiled-lexicon';
import { cuePositions } from './cue-pattern';

/** `#1001`, `# 1001`, `#EU1001`: Shopify order names are `#` plus the number, with an optional merchant prefix. */
const hashNumber = /(?:^|[^\p{L}\p{N}])#\s?([a-z]{0,4}\d{3,12})(?![\p{L}\p{N}])/u;
/** `订单1001`, `订单号：1001`, `訂單編號是1001`. */
const chineseOrderNumber = /(?:订单|訂單)(?:号|號|编号|編號)?\s*(?:[:是为為]\s*)?#?\s*(\d{3,12})/u;
const plainNumber = /^[a-z]{0,4}\d{3,12}$/;
const lookahead = 3;

/**
 * Finds an order number quoted in a message: `#1001`, `order 1001`, `Bestellung Nr. 1001`, `订单1001`.
 *
 * A bare number with no `#` and no order word before it is not taken (it may be a phone, a date
 * or a tracking number).
 *
 * @param message - the analysed message
 * @param lexicons - compiled lexicons whose order keywords and fillers apply
 * @returns the order number without `#`, upper-cased, or `undefined`
 * @example
 * extractOrderNumber(analyseMessage('Bestellung Nr. 1001?'), lexicons); // '1001'
 */
export function extractOrderNumber(message: AnalysedMessage, lexicons: readonly CompiledLexicon[]): string | undefined {
  const hashed = hashNumber.exec(message.folded)?.[1];
  if (hashed !== undefined) return hashed.toUpperCase();
  const chinese = chineseOrderNumber.exec(message.folded)?.[1];
  if (chinese !== undefined) return chinese;
  const fillers = new Set<string>();
  for (const lexicon of lexicons) for (const filler of lexicon.orderNumberFillers) fillers.add(filler);
  for (const lexicon of lexicons) {
    for (const keyword of lexicon.orderNumberKeywords) {
      for (const position of cuePositions(keyword, message)) {
        const found = numberAfter(message.tokens, position, fillers);
        if (found !== undefined) return found;
      }
    }
  }
  return undefined;
}

function numberAfter(tokens: readonly string[], keywordIndex: number, fillers: ReadonlySet<string>): string | undefined {
  for (let index = keywordIndex + 1; index <= keywordIndex + lookahead && index < tokens.length; index++) {
    const token = tokens[index]!;
    if (plainNumber.test(token)) return token.toUpperCase();
    if (!fillers.has(token)) return undefined;
  }
  return undefined;
}
