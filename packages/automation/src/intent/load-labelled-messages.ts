import { z } from 'zod';
import type { LabelledMessage } from './evaluate-intent-recogniser';

const labelledMessageSchema = z.object({
  text: z.string().min(1),
  language: z.string().min(2),
  label: z.enum(['order_status', 'talk_to_human', 'other']),
  split: z.string().optional(),
});

/** A labelled message as stored in a JSONL fixture, with the split it belongs to. */
export type LabelledFixtureMessage = LabelledMessage & {
  /** The part of the set the line belongs to (`dev`, `holdout`, `round-2`, …), when given. */
  readonly split?: string;
};

/**
 * Parses a JSON-lines labelled set (`{ text, language, label, split? }` per line).
 *
 * @param jsonLines - the file's text
 * @returns the messages in file order
 * @throws Error with code `invalid_labelled_message` and the line number when a line is malformed
 * @example
 * parseLabelledMessages('{"text":"Where is my order?","language":"en","label":"order_status"}');
 */
export function parseLabelledMessages(jsonLines: string): LabelledFixtureMessage[] {
  const messages: LabelledFixtureMessage[] = [];
  jsonLines.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = labelledMessageSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw Object.assign(new Error(`Labelled message on line ${index + 1} is malformed: ${parsed.error.message}`), {
        code: 'invalid_labelled_message',
      });
    }
    const { split, ...message } = parsed.data;
    messages.push(split === undefined ? message : { ...message, split });
  });
  return messages;
}
