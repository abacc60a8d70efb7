import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRuleIntentRecogniser, evaluateIntentRecogniser, type IntentEvaluation, parseLabelledMessages } from '../src/index';

const fixture = new URL('../fixtures/intents.jsonl', import.meta.url);
const messages = parseLabelledMessages(readFileSync(fixture, 'utf8'));
const recogniser = createRuleIntentRecogniser();

/** Floors asserted on the whole labelled set; see fixtures/README.md for the blind figures. */
const precisionFloor = 0.95;
const orderStatusRecallFloor = 0.9;
const talkToHumanRecallFloor = 0.85;

function summary(name: string, evaluation: IntentEvaluation): string {
  const format = (value: number) => value.toFixed(3);
  return (
    `${name.padEnd(10)} n=${String(evaluation.total).padStart(3)}  ` +
    `order_status P=${format(evaluation.orderStatus.precision)} R=${format(evaluation.orderStatus.recall)}  ` +
    `talk_to_human P=${format(evaluation.talkToHuman.precision)} R=${format(evaluation.talkToHuman.recall)}  ` +
    `language=${format(evaluation.languageAccuracy)}`
  );
}

describe('rule recogniser on the labelled multilingual set', () => {
  it('holds at least 300 messages covering all nine languages and all three labels', () => {
    expect(messages.length).toBeGreaterThanOrEqual(300);
    expect(new Set(messages.map((message) => message.language))).toEqual(
      new Set(['en', 'de', 'fr', 'es', 'pl', 'no', 'fi', 'ro', 'zh']),
    );
    for (const label of ['order_status', 'talk_to_human', 'other'] as const) {
      expect(messages.filter((message) => message.label === label).length).toBeGreaterThan(50);
    }
  });

  it('reaches the precision target and the recall floors, and prints the figures', async () => {
    const overall = await evaluateIntentRecogniser(recogniser, messages);
    const lines = [summary('all', overall)];
    for (const split of [...new Set(messages.map((message) => message.split ?? 'none'))]) {
      const subset = messages.filter((message) => (message.split ?? 'none') === split);
      lines.push(summary(split, await evaluateIntentRecogniser(recogniser, subset)));
    }
    for (const language of [...new Set(messages.map((message) => message.language))]) {
      const subset = messages.filter((message) => message.language === language);
      lines.push(summary(language, await evaluateIntentRecogniser(recogniser, subset)));
    }
    for (const mistake of overall.mistakes) lines.push(`  miss [${mistake.language}] ${mistake.label} → ${mistake.predicted}: ${mistake.text}`);
    console.log(lines.join('\n'));

    expect(overall.orderStatus.precision).toBeGreaterThanOrEqual(precisionFloor);
    expect(overall.talkToHuman.precision).toBeGreaterThanOrEqual(precisionFloor);
    expect(overall.orderStatus.recall).toBeGreaterThanOrEqual(orderStatusRecallFloor);
    expect(overall.talkToHuman.recall).toBeGreaterThanOrEqual(talkToHumanRecallFloor);
    expect(overall.languageAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('does not depend on letter case', () => {
    for (const message of messages) {
      const plain = recogniser.recognise(message.text);
      const shouted = recogniser.recognise(message.text.toUpperCase());
      expect({ text: message.text, intent: shouted.intent }).toEqual({ text: message.text, intent: plain.intent });
    }
  });
});
