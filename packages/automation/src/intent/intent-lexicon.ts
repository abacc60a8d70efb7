import type { CueSource } from './cue-pattern';
import type { SupportLanguage } from './support-language';

/**
 * The words one language uses to ask where an order is or to ask for a person, in the cue mini-syntax of `compileCue`.
 */
export interface IntentLexicon {
  /** The language these cues are written in. */
  readonly language: SupportLanguage;
  /** Common function words (exact folded tokens, or Chinese substrings) that identify the language. */
  readonly languageMarkers: readonly string[];
  /** Words that name an order or a parcel (`order`, `Paket`, `订单`); typo-tolerant. */
  readonly orderNouns: readonly CueSource[];
  /** Words that ask about whereabouts or progress (`where`, `wann`, `arrive`, `shipped`). */
  readonly statusCues: readonly CueSource[];
  /**
   * Words that hint at progress but also turn up in other questions (`still`, `yet`, `come`, `check my`):
   * they make an order-status question only together with a second status cue.
   */
  readonly supportingStatusCues?: readonly CueSource[];
  /** Phrases that ask about order status on their own (`tracking number`, `AWB`, `查物流`). */
  readonly standaloneStatusCues: readonly CueSource[];
  /**
   * Topics that make a message about something else even when it names an order (cancel, change, return,
   * refund, damaged or wrong items, payment and confirmation, discounts, the store, complaints). They veto an
   * order-status reading; stems of six letters or more also match with one typo.
   */
  readonly otherTopicCues: readonly CueSource[];
  /**
   * Past forms saying the order arrived or was received (`arrived`, `angekommen`, `reçu`, `收到了`). When no
   * negation stands just before (or, for verb-second languages, just after) them they do not ask where the
   * order is, and together with a `contrastCues` word they describe a problem with what came, or a delivery
   * that did not reach the customer: not an order-status question.
   */
  readonly arrivalCues?: readonly CueSource[];
  /** Words that set one fact against another (`but`, `aber`, `mais`, `但`). */
  readonly contrastCues?: readonly CueSource[];
  /** Words that thank; with no question and no negation they mark a message as a statement, not a question. */
  readonly gratitudeCues: readonly CueSource[];
  /** Negations (`not`, `nicht`, `没`). */
  readonly negationCues: readonly CueSource[];
  /** Words that name a person to talk to (`human`, `Mitarbeiter`, `konsultant`). */
  readonly humanNouns: readonly CueSource[];
  /** Words that ask to be put through (`talk`, `sprechen`, `połączyć`). */
  readonly humanVerbs: readonly CueSource[];
  /** Phrases that ask for a person on their own (`real person`, `Rückruf`, `转人工`). */
  readonly standaloneHumanCues: readonly CueSource[];
  /** Cues that the customer tells about a past conversation rather than asking for one now. */
  readonly humanNarrativeCues: readonly CueSource[];
  /** Words that introduce an order number (`order`, `Bestellung`, `nr`-style fillers are listed separately). */
  readonly orderNumberKeywords: readonly CueSource[];
  /** Exact tokens that may stand between an order keyword and its number (`number`, `nr`, `n`). */
  readonly orderNumberFillers: readonly string[];
}
