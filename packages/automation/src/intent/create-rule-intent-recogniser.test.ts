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

describe('createRuleIntentRecogniser on wording it was not written for', () => {
  const statusQuestions: Record<string, readonly string[]> = {
    en: ['where is my order 4412?', 'when will my parcel arrive?'],
    de: ['wo ist meine Bestellung 4412?', 'wann kommt mein Paket?'],
    fr: ['où est ma commande 4412 ?', 'quand arrive mon colis ?'],
    es: ['¿dónde está mi pedido 4412?', '¿cuándo llega mi paquete?'],
    pl: ['gdzie jest moje zamówienie 4412?', 'kiedy dotrze moja paczka?'],
    no: ['hvor er bestillingen min 4412?', 'når kommer pakken min?'],
    fi: ['missä tilaukseni 4412 on?', 'milloin pakettini saapuu?'],
    ro: ['unde este comanda mea 4412?', 'când ajunge coletul meu?'],
    zh: ['我的订单4412在哪里？', '包裹什么时候到？'],
  };
  // One phrase per kind of negative: cancel, change, return, refund, damaged, wrong, confirmed or paid, discount, store hours.
  const negatives: Record<string, readonly string[]> = {
    en: ['I want to cancel it', 'can I change the address', 'how do I return it', 'I need a refund', 'it came damaged', 'you sent the wrong size', 'is it confirmed', 'my discount code failed', 'what are your opening hours'],
    de: ['ich will stornieren', 'Adresse ändern bitte', 'wie schicke ich es zurück', 'wann kommt die Erstattung', 'es ist kaputt', 'falsche Farbe geliefert', 'ist sie bestätigt', 'Gutscheincode geht nicht', 'Öffnungszeiten der Filiale'],
    fr: ['je veux annuler', "changer l'adresse", 'comment faire un retour', 'mon remboursement', 'article cassé', 'mauvaise taille reçue', 'est-elle confirmée', 'code promo refusé', "horaires d'ouverture du magasin"],
    es: ['quiero cancelar', 'cambiar la dirección', 'cómo hago la devolución', 'mi reembolso', 'llegó roto', 'talla equivocada', 'está confirmado', 'el cupón no funciona', 'horario de la tienda'],
    pl: ['chcę anulować', 'zmiana adresu', 'jak zrobić zwrot', 'zwrot pieniędzy', 'towar uszkodzony', 'zły rozmiar', 'czy jest opłacone', 'kod rabatowy nie działa', 'godziny otwarcia sklepu'],
    no: ['jeg vil kansellere', 'endre adressen', 'hvordan returnerer jeg', 'refusjon', 'den er ødelagt', 'feil størrelse', 'er den bekreftet', 'rabattkoden virker ikke', 'åpningstider i butikken'],
    fi: ['haluan peruuttaa', 'osoitteen muutos', 'miten palautan', 'hyvitys', 'tuote on rikki', 'väärä koko', 'onko se maksettu', 'alennuskoodi ei toimi', 'myymälän aukioloajat'],
    ro: ['vreau să anulez', 'schimb adresa', 'cum fac retur', 'rambursarea', 'produs deteriorat', 'mărime greșită', 'este confirmată', 'codul de reducere', 'programul magazinului'],
    zh: ['我要取消', '修改地址', '怎么退货', '退款', '东西坏了', '发错了', '付款成功了吗', '优惠码', '门店营业时间'],
  };

  it('lets a negative topic veto an order-status question in every language', () => {
    const wrong: string[] = [];
    for (const [language, questions] of Object.entries(statusQuestions)) {
      for (const question of questions) {
        expect({ question, intent: recogniser.recognise(question).intent }).toEqual({ question, intent: 'order_status' });
        for (const topic of negatives[language]!) {
          for (const text of [`${question} ${topic}`, `${topic}, ${question}`]) {
            if (recogniser.recognise(text).intent !== 'other') wrong.push(text);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['My order arrived today, the colour is a bit off', 'other'],
    ['Tracking says delivered, but I have nothing', 'other'],
    ['I haven’t got it but it shows as delivered', 'other'],
    ['Paket ist angekommen, aber es war leer', 'other'],
    ['colis reçu mais le carton était vide', 'other'],
    ['recibí el paquete pero venía vacío', 'other'],
    ['paczka dotarła, ale była pusta', 'other'],
    ['fikk pakken, men den var tom', 'other'],
    ['paketti tuli, mutta se oli tyhjä', 'other'],
    ['am primit coletul, dar era gol', 'other'],
    ['包裹收到了，但是里面是空的', 'other'],
    ['My order still has not arrived', 'order_status'],
    ['Das Paket kam nicht', 'order_status'],
    ["mon colis n'est jamais arrivé", 'order_status'],
    ['no me ha llegado el paquete', 'order_status'],
    ['paczka nie dotarła', 'order_status'],
    ['pakken kom ikke', 'order_status'],
    ['paketti ei ole saapunut', 'order_status'],
    ['coletul nu a ajuns', 'order_status'],
    ['包裹还没收到', 'order_status'],
  ])('reads an arrival as an answer unless it is negated: %j', (text, intent) => {
    expect(recogniser.recognise(text).intent).toBe(intent);
  });

  it('needs a second status cue when the only one also fits other questions', () => {
    expect(recogniser.recognise('does my order come with batteries?').intent).toBe('other');
    expect(recogniser.recognise('can you check my order for the gift note?').intent).toBe('other');
    expect(recogniser.recognise('is my order still coming?').intent).toBe('order_status');
    expect(recogniser.recognise('has order 7781 left the warehouse yet?').intent).toBe('order_status');
  });

  it('tolerates one typo in long topic words, not in short ones that look like status words', () => {
    expect(recogniser.explain('cancle order 1234 pls, has it shipped?').evidence.matched.otherTopicCues).toContain('cancel');
    expect(recogniser.recognise('refnud for order 1234 when?').intent).toBe('other');
    expect(recogniser.recognise('retrun label for my order, where is it?').intent).toBe('other');
    expect(recogniser.recognise('Missä vaiheessa tilaukseni on?').intent).toBe('order_status');
  });
});
