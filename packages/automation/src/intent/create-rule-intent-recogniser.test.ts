import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRuleIntentRecogniser } from './create-rule-intent-recogniser';
import { defaultLexicons } from './lexicons/index';

const recogniser = createRuleIntentRecogniser();

describe('createRuleIntentRecogniser', () => {
  it.each([
    ['Where is my order #1001?', '1001', 'en'],
    ['status of order no. 2231', '2231', 'en'],
    ['Wo ist Bestellung Nr. 4410?', '4410', 'de'],
    ['Où en est la commande n° 1077 ?', '1077', 'fr'],
    ['¿Dónde está el pedido 3003?', '3003', 'es'],
    ['Gdzie jest zamówienie nr 1099?', '1099', 'pl'],
    ['Hvor er ordre 6120?', '6120', 'no'],
    ['Missä tilaus 3390 on?', '3390', 'fi'],
    ['Unde este comanda nr 7007?', '7007', 'ro'],
    ['订单号：1088，到哪了', '1088', 'zh'],
    ['我的订单1001在哪里', '1001', 'zh'],
    ['where is my order ＃EU1001？', 'EU1001', 'en'],
  ])('extracts the order number from %j', (text, orderNumber, language) => {
    expect(recogniser.recognise(text)).toMatchObject({ intent: 'order_status', orderNumber, language });
  });

  it('does not take bare numbers, dates or short counts for order numbers', () => {
    expect(recogniser.recognise('I ordered 10 days ago, where is it?').orderNumber).toBeUndefined();
    expect(recogniser.recognise('Bestellung vom 12.11.2024, wo ist sie?').orderNumber).toBeUndefined();
    expect(recogniser.recognise('call me on 5024592181').orderNumber).toBeUndefined();
  });

  it('finds any quoted order number after an order word in every language', () => {
    const phrasings = ['order', 'Bestellung Nr.', 'commande n°', 'pedido', 'zamówienie nr', 'ordre', 'tilaus', 'comanda', '订单'];
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999_999_999 }), fc.constantFrom(...phrasings), (number, phrase) => {
        const result = recogniser.recognise(`${phrase} ${number} ?`);
        expect(result.orderNumber).toBe(String(number));
      }),
    );
  });

  it('lets a request for a person win over an order-status question', () => {
    expect(recogniser.recognise('Where is my order? Let me talk to a human').intent).toBe('talk_to_human');
  });

  it('treats thanks without a question or negation as a statement', () => {
    expect(recogniser.recognise('Thanks, my parcel arrived').intent).toBe('other');
    expect(recogniser.recognise('Thanks, but my parcel has not arrived, where is it?').intent).toBe('order_status');
  });

  it('tolerates one typo in an order noun but not in unrelated words', () => {
    expect(recogniser.recognise('where is my pakage').intent).toBe('order_status');
    expect(recogniser.recognise('where is the border').intent).toBe('other');
  });

  it('explains which cues decided', () => {
    const explained = recogniser.explain('Can I cancel order #1001?');
    expect(explained.intent).toBe('other');
    expect(explained.evidence.matched.otherTopicCues).toContain('cancel');
  });

  it('uses the language hint when the text alone does not say', () => {
    expect(recogniser.recognise('status 1001?', { languageHint: 'pl-PL' }).language).toBe('pl');
  });

  it('accepts replacement lexicons', () => {
    const custom = createRuleIntentRecogniser({
      lexicons: { en: { ...defaultLexicons.en, orderNouns: [...defaultLexicons.en.orderNouns, 'hamper'] } },
    });
    expect(custom.recognise('where is my hamper?').intent).toBe('order_status');
    expect(recogniser.recognise('where is my hamper?').intent).toBe('other');
  });
});
