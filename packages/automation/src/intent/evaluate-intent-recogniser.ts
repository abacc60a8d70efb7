import type { IntentName, IntentRecogniser } from './intent-recogniser';

/** One message of a labelled evaluation set. */
export interface LabelledMessage {
  /** The message as a customer would write it. */
  readonly text: string;
  /** The language it is written in (ISO 639-1), to score language detection. */
  readonly language: string;
  /** The intent a person assigned to it. */
  readonly label: IntentName;
}

/** Precision and recall of one intent. */
export interface IntentScore {
  /** Share of the messages predicted as this intent that are labelled with it; 1 when none was predicted. */
  readonly precision: number;
  /** Share of the messages labelled with this intent that were predicted as it; 1 when none is labelled. */
  readonly recall: number;
  /** Messages labelled with this intent and predicted as it. */
  readonly truePositives: number;
  /** Messages predicted as this intent but labelled otherwise (false alarms). */
  readonly falsePositives: number;
  /** Messages labelled with this intent but predicted otherwise (misses). */
  readonly falseNegatives: number;
}

/** A message the recogniser got wrong. */
export interface RecognitionMistake {
  /** The message. */
  readonly text: string;
  /** Its labelled language. */
  readonly language: string;
  /** The intent it is labelled with. */
  readonly label: IntentName;
  /** What the recogniser made of it (`other` when below `minConfidence`). */
  readonly predicted: IntentName;
}

/** How well a recogniser does on a labelled set. */
export interface IntentEvaluation {
  /** How many messages were evaluated. */
  readonly total: number;
  /** Scores for `order_status`. */
  readonly orderStatus: IntentScore;
  /** Scores for `talk_to_human`. */
  readonly talkToHuman: IntentScore;
  /** Share of messages whose detected language equals the labelled one. */
  readonly languageAccuracy: number;
  /** The messages whose predicted intent differs from the label, in input order. */
  readonly mistakes: readonly RecognitionMistake[];
}

/**
 * Runs a recogniser over a labelled set and computes precision and recall per intent.
 *
 * A prediction below `minConfidence` counts as `other`, as the automation runtime treats it.
 *
 * @param recogniser - any intent recogniser
 * @param messages - the labelled messages
 * @param options - `minConfidence` (default 0)
 * @returns scores, language accuracy and the list of mistakes
 * @example
 * const evaluation = await evaluateIntentRecogniser(createRuleIntentRecogniser(), messages);
 */
export async function evaluateIntentRecogniser(
  recogniser: IntentRecogniser,
  messages: readonly LabelledMessage[],
  options: { minConfidence?: number } = {},
): Promise<IntentEvaluation> {
  const minConfidence = options.minConfidence ?? 0;
  const predictions: IntentName[] = [];
  const mistakes: RecognitionMistake[] = [];
  let languageHits = 0;
  for (const message of messages) {
    const result = await recogniser.recognise(message.text);
    const predicted = result.confidence >= minConfidence ? result.intent : 'other';
    predictions.push(predicted);
    if (result.language === message.language) languageHits++;
    if (predicted !== message.label) {
      mistakes.push({ text: message.text, language: message.language, label: message.label, predicted });
    }
  }
  const score = (intent: IntentName): IntentScore => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    messages.forEach((message, index) => {
      const predicted = predictions[index];
      if (predicted === intent && message.label === intent) truePositives++;
      else if (predicted === intent) falsePositives++;
      else if (message.label === intent) falseNegatives++;
    });
    const predictedCount = truePositives + falsePositives;
    const labelledCount = truePositives + falseNegatives;
    return {
      precision: predictedCount === 0 ? 1 : truePositives / predictedCount,
      recall: labelledCount === 0 ? 1 : truePositives / labelledCount,
      truePositives,
      falsePositives,
      falseNegatives,
    };
  };
  return {
    total: messages.length,
    orderStatus: score('order_status'),
    talkToHuman: score('talk_to_human'),
    languageAccuracy: messages.length === 0 ? 1 : languageHits / messages.length,
    mistakes,
  };
}
