import { type ActiveCues, activeCues, type CueKind, matchActiveCues } from './active-cues';
import { type AnalysedMessage, analyseMessage } from './analyse-message';
import { type CompiledLexicon, compileLexicon } from './compiled-lexicon';
import { createCueIndex } from './cue-index';
import { allCuePositions, type CompiledCue, type CueSpan, cueSpans, isSubstringPosition } from './cue-pattern';
import { detectLanguage } from './detect-language';
import { extractOrderNumber } from './extract-order-number';
import type { IntentLexicon } from './intent-lexicon';
import type { IntentRecogniser, RecognisedIntent, RecognitionContext } from './intent-recogniser';
import { defaultLexicons } from './lexicons/index';
import { type SupportLanguage, supportLanguages, toSupportLanguage } from './support-language';

/** Settings of the built-in rule recogniser. */
export interface RuleIntentRecogniserOptions {
  /** Language assumed when nothing in the text points at one. Default `en`. */
  readonly defaultLanguage?: SupportLanguage;
  /** Lexicons that replace the built-in ones, per language (start from `defaultLexicons` to extend). */
  readonly lexicons?: Partial<Record<SupportLanguage, IntentLexicon>>;
}

/** Which rules fired for a message, for debugging and for the automation transcript. */
export interface IntentEvidence {
  /** The language the message was read as, whose lexicon (with English) supplied the cues. */
  readonly language: SupportLanguage;
  /** The order number found in the message, without `#` and upper-cased, when there is one. */
  readonly orderNumber?: string;
  /** The cues that matched, by kind, as written in the lexicon. */
  readonly matched: Readonly<Record<CueKind, readonly string[]>>;
}

/** The rule recogniser: synchronous, and able to explain itself. */
export interface RuleIntentRecogniser extends IntentRecogniser {
  recognise(text: string, context?: RecognitionContext): RecognisedIntent;
  /**
   * Recognises a message and lists the cues behind the decision.
   *
   * @param text - the message body
   * @param context - optional hints
   * @returns the intent with the evidence for it
   */
  explain(
    text: string,
    context?: RecognitionContext,
  ): RecognisedIntent & {
    /** The language, order number and matched cues behind the result. */
    readonly evidence: IntentEvidence;
  };
}

/** Words in a message short enough that a bare "agent" or "human please" is a request. */
const shortMessageTokens = 3;
const shortChineseLength = 6;
/** Position used for an order number, which names an order without a noun. */
const orderNumberPosition = -1;
/** How many tokens (or Chinese characters) before an arrival word a negation still negates it: `hasn't yet arrived`. */
const negationReachBefore = 4;

/**
 * Creates the built-in multilingual rule recogniser for order-status questions and requests for a person.
 *
 * It folds case and diacritics, matches word stems per language (the detected language plus
 * English, which customers mix in), tolerates one typo in order nouns and in longer topic words,
 * and extracts order numbers. A message that names an order and asks where or when it is counts
 * as an order-status question unless it is about something else (cancelling, changing,
 * returning, refunds, damaged or wrong items, payment, discounts, the store, complaints); a
 * message saying the order arrived (not negated) does not ask where it is, and one that sets such
 * an arrival against something else ("delivered but nothing here", "arrived but broken") is about
 * something else. Asking for a person wins over all of it. When unsure, the answer is `other`.
 *
 * @param options - default language and lexicon overrides
 * @returns a recogniser usable wherever an `IntentRecogniser` is expected
 * @example
 * const recogniser = createRuleIntentRecogniser();
 * recogniser.recognise('Wo ist meine Bestellung #1001?');
 * // { intent: 'order_status', confidence: 0.95, orderNumber: '1001', language: 'de' }
 */
export function createRuleIntentRecogniser(options: RuleIntentRecogniserOptions = {}): RuleIntentRecogniser {
  const fallback = options.defaultLanguage ?? 'en';
  const compiled = new Map<SupportLanguage, CompiledLexicon>();
  for (const language of supportLanguages) {
    compiled.set(language, compileLexicon(options.lexicons?.[language] ?? defaultLexicons[language]));
  }
  const ordered = withDistinctVocabulary(supportLanguages.map((language) => compiled.get(language)!));
  const english = compiled.get('en')!;
  const active = new Map<SupportLanguage, ActiveCues>();
  for (const language of supportLanguages) {
    active.set(language, activeCues(language === 'en' ? [english] : [compiled.get(language)!, english]));
  }

  const explain = (text: string, context: RecognitionContext = {}) => {
    const message = analyseMessage(text);
    const hint = context.languageHint === undefined ? undefined : toSupportLanguage(context.languageHint);
    const language = detectLanguage(message, ordered, fallback, hint);
    const orderNumber = extractOrderNumber(message, ordered);
    const cues = matchActiveCues(active.get(language)!, message);
    const matched = {} as Record<CueKind, string[]>;
    for (const [kind, matching] of Object.entries(cues) as [CueKind, CompiledCue[]][]) matched[kind] = matching.map((cue) => cue.source);
    const result = decide(message, cues, orderNumber);
    const intent: RecognisedIntent = {
      ...result,
      language,
      ...(orderNumber === undefined ? {} : { orderNumber }),
    };
    const evidence: IntentEvidence = { language, matched, ...(orderNumber === undefined ? {} : { orderNumber }) };
    return { ...intent, evidence };
  };

  return {
    recognise(text, context) {
      const { evidence: _evidence, ...intent } = explain(text, context);
      return intent;
    },
    explain,
  };
}

/** Drops vocabulary shared by several languages (`status`, `tracking`), which says nothing about the language. */
function withDistinctVocabulary(lexicons: readonly CompiledLexicon[]): CompiledLexicon[] {
  const bare = (source: string) => source.replace(/^[=*]/, '');
  const owners = new Map<string, Set<SupportLanguage>>();
  for (const lexicon of lexicons) {
    for (const cue of lexicon.vocabulary) {
      const key = bare(cue.source);
      owners.set(key, (owners.get(key) ?? new Set()).add(lexicon.language));
    }
  }
  return lexicons.map((lexicon) => {
    const vocabulary = lexicon.vocabulary.filter((cue) => owners.get(bare(cue.source))?.size === 1);
    return { ...lexicon, vocabulary, vocabularyIndex: createCueIndex(vocabulary) };
  });
}

function decide(
  message: AnalysedMessage,
  matched: Readonly<Record<CueKind, readonly CompiledCue[]>>,
  orderNumber: string | undefined,
): Pick<RecognisedIntent, 'intent' | 'confidence'> {
  const has = (kind: CueKind) => matched[kind].length > 0;
  const isShort =
    message.tokens.length <= shortMessageTokens && message.folded.replace(/[^\p{L}\p{N}]/gu, '').length <= 40;
  const isShortChinese = /\p{Script=Han}/u.test(message.folded) && message.folded.length <= shortChineseLength;

  if (!has('humanNarrativeCues')) {
    if (has('standaloneHumanCues')) return { intent: 'talk_to_human', confidence: 0.92 };
    if (has('humanVerbs') && has('humanNouns')) return { intent: 'talk_to_human', confidence: 0.85 };
    if (has('humanNouns') && (isShort || isShortChinese)) return { intent: 'talk_to_human', confidence: 0.8 };
  }

  const isStatement = has('gratitudeCues') && !has('negationCues') && !message.isQuestion;
  if (has('otherTopicCues') || isStatement) return { intent: 'other', confidence: 0.9 };
  const arrivals = arrivalsIn(message, matched);
  if (arrivals.affirmed.length > 0 && has('contrastCues')) return { intent: 'other', confidence: 0.85 };
  if (has('standaloneStatusCues')) return { intent: 'order_status', confidence: orderNumber === undefined ? 0.9 : 0.95 };

  // An affirmed arrival answers the whereabouts question; a negated one ("never arrived") asks it.
  const asking = (positions: Iterable<number>) =>
    [...positions].filter((position) => !arrivals.affirmed.some((arrival) => position >= arrival.start && position < arrival.end));
  const orderPositions = allCuePositions(matched.orderNouns, message);
  if (orderNumber !== undefined) orderPositions.add(orderNumberPosition);
  const statusPositions = [
    ...asking(allCuePositions(matched.statusCues, message)),
    ...arrivals.negated.map((arrival) => arrival.start),
  ];
  const supportingPositions = asking(allCuePositions(matched.supportingStatusCues, message));
  const paired = [...orderPositions].some((order) => {
    const strong = statusPositions.filter((status) => status !== order);
    const supporting = new Set([...strong, ...supportingPositions.filter((status) => status !== order)]);
    return strong.length > 0 || supporting.size >= 2;
  });
  if (paired) {
    const confidence = 0.8 + (orderNumber === undefined ? 0 : 0.1) + (message.isQuestion ? 0.05 : 0);
    return { intent: 'order_status', confidence: Math.min(confidence, 0.95) };
  }
  return { intent: 'other', confidence: has('orderNouns') || has('statusCues') ? 0.6 : 0.8 };
}

/**
 * Splits arrival words ("arrived", "erhalten", "收到了") into affirmed ones (the customer says the order came)
 * and negated ones ("never arrived", "nie dotarła"). A negation counts when it starts up to
 * `negationReachBefore` tokens before the arrival word, or right after it (`kam nicht`, `fikk ikke`).
 */
function arrivalsIn(
  message: AnalysedMessage,
  matched: Readonly<Record<CueKind, readonly CompiledCue[]>>,
): { affirmed: CueSpan[]; negated: CueSpan[] } {
  const arrivals = matched.arrivalCues.flatMap((cue) => cueSpans(cue, message));
  if (arrivals.length === 0) return { affirmed: [], negated: [] };
  const negations = [...allCuePositions(matched.negationCues, message)];
  const isNegated = (arrival: CueSpan) =>
    negations.some(
      (negation) =>
        isSubstringPosition(negation) === isSubstringPosition(arrival.start) &&
        ((negation < arrival.start && negation >= arrival.start - negationReachBefore) ||
          (!isSubstringPosition(negation) && negation === arrival.end)),
    );
  return { affirmed: arrivals.filter((arrival) => !isNegated(arrival)), negated: arrivals.filter(isNegated) };
}
