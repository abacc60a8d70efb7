/** What an inbound message asks for, as far as automation cares. */
export type IntentName = 'order_status' | 'talk_to_human' | 'other';

/** The result of recognising one inbound message. */
export interface RecognisedIntent {
  /** What the customer asks for. */
  readonly intent: IntentName;
  /** How sure the recogniser is, from 0 to 1. */
  readonly confidence: number;
  /** An order number quoted in the message (`#1001` → `1001`), when there is one. */
  readonly orderNumber?: string;
  /** The message's language as an ISO 639-1 code (`en`, `de`, `zh`, …). */
  readonly language: string;
}

/** What a recogniser may know about the message besides its text. */
export interface RecognitionContext {
  /** A language to prefer when the text alone is ambiguous (the customer's profile language). */
  readonly languageHint?: string;
}

/**
 * Recognises what an inbound message asks for; apps can replace the built-in rules with their own classifier.
 */
export interface IntentRecogniser {
  /**
   * Recognises the intent of one message.
   *
   * @param text - the message body as the customer wrote it
   * @param context - optional hints such as the customer's language
   * @returns the intent, a confidence and any order number found
   */
  recognise(text: string, context?: RecognitionContext): RecognisedIntent | Promise<RecognisedIntent>;
}
