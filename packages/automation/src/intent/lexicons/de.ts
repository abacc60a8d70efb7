import type { IntentLexicon } from '../intent-lexicon';

/** German cues. */
export const germanLexicon: IntentLexicon = {
  language: 'de',
  languageMarkers: ['ich', 'ist', 'mein', 'meine', 'meiner', 'meinen', 'meinem', 'wo', 'wann', 'wie', 'der', 'die', 'das', 'und', 'nicht', 'mit', 'bitte', 'noch', 'schon', 'sie', 'mir', 'mich', 'kann', 'ein', 'eine', 'einen', 'einem', 'einer', 'hallo', 'danke', 'wurde', 'gibt', 'es', 'auf', 'zu', 'haben', 'habe', 'hier', 'aber', 'seit', 'fur', 'keinen', 'will', 'mochte', 'konnen', 'ihre', 'ihr', 'lange', 'dauert', 'nach', 'etwas', 'alles'],
  orderNouns: ['bestell', 'auftrag', 'paket', '=packet', 'lieferung', 'sendung', '=ware', '=waren', 'packchen'],
  statusCues: ['=wo', 'wann', 'status', 'versendet', 'versandt', 'verschickt', 'unterwegs', 'ankunft', 'kommt', 'warte', 'bleibt', 'nicht da', 'sendungsnummer', 'sendungsverfolgung', 'tracking', '=raus', 'rausgegangen', '*status', '=stand', 'neuigkeit', 'voraussichtlich'],
  supportingStatusCues: ['geliefert', 'angekommen', 'noch nicht', 'immer noch', 'erhalten', 'nachsehen', 'nachschauen', '=prufen', 'bekommen', 'gerade'],
  standaloneStatusCues: ['sendungsverfolgung', 'sendungsnummer', 'trackingnummer', 'tracking', 'paketverfolgung', 'wo bleibt mein', '*lieferstatus', '*bestellstatus'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'storn', 'abbestell', 'widerruf', '=andern', '=aendern', 'anderung', 'aenderung', 'geandert', 'hinzufug', 'entfern', '*adress', 'brauche ~ nicht mehr', 'will ~ nicht mehr',
    // returns, exchanges, refunds, money
    'zuruck', '*rucksend', 'retour', '*tausch', '*erstatt', 'geld', 'gutschrift', '*ruckzahl', '*ruckbuch',
    // damaged, faulty, wrong or missing items
    'beschadig', 'kaputt', 'defekt', 'zerbroch', 'zerkratzt', 'kratzer', 'gerissen', 'zerdruckt', 'eingedruckt', 'undicht', 'funktioniert nicht', 'mangel', 'reklam', 'falsch', 'verwechsel', '=statt', '=anstatt', 'stattdessen', 'fehlt', 'fehlen', 'unvollstandig',
    // delivered but not received
    'zugestellt aber', 'geliefert aber', 'als zugestellt', 'laut ~ zugestellt', 'zeigt ~ zugestellt', 'steht ~ zugestellt', 'status ~ zugestellt', 'nachbar', 'gestohlen',
    // payment, confirmation, invoices
    'bezahl', 'zahlung', 'abgebucht', 'abbuchung', 'belastet', 'rechnung', 'quittung', 'paypal', 'klarna', '=bestatigt', '=bestatigung', 'bestatigungs', '*bestellbestatigung', '*auftragsbestatigung', 'kreditkarte',
    // prices, discounts, gift cards
    'preis', 'gutschein', 'rabatt', 'promo', 'aktion', 'angebot', 'geschenkkarte',
    // the store
    'filiale', '=laden', '=geschaft', 'geoffnet', '*offnungszeit', '*oeffnungszeit', 'habt ihr ~ offen', 'haben sie ~ offen', 'schliesst', 'schliessen',
    // products, stock and new orders
    '*grossentabelle', '*grosse', 'farbe', 'auf lager', 'verfugbar', 'ausverkauft', 'wie bestelle', 'aufgeben', 'zweite bestellung', 'noch eine bestellung',
    // policies, accounts, reviews and complaints
    'versandkosten', 'kostenlos', 'versand nach', 'liefert ihr nach', 'liefern sie nach', '=konto', 'passwort', 'einlogg', 'newsletter', 'abmeld', 'bewert', 'beschwer', 'unfreundlich', 'antwort',
    // where to do something, not where the order is
    'wo kann ich', 'wo finde ich',
  ],
  arrivalCues: ['angekommen', 'erhalten', 'bekommen', 'zugestellt', 'geliefert', '=kam'],
  contrastCues: ['=aber', '=jedoch', '=allerdings'],
  gratitudeCues: ['danke', '=vielen dank'],
  negationCues: ['nicht', '=kein', '=keine', '=nichts', '=nie', '=noch nie'],
  humanNouns: ['mensch', 'mitarbeiter', 'berater', 'person', 'kundenservice', 'kundendienst', 'agent', 'jemand', 'kundenberater', 'ansprechpartner'],
  humanVerbs: ['sprech', '=reden', 'verbind', 'ruf mich', 'telefonier', 'durchstell', 'anruf', 'zuruckruf', 'brauch', 'hilf'],
  standaloneHumanCues: ['ruckruf', 'echte person', 'echten menschen', 'echter mensch', 'keinen bot', 'kein bot', 'keinen chatbot', 'ruf ~ an', 'rufen sie mich', 'ansprechpartner'],
  humanNarrativeCues: ['=war', 'gesprochen', 'unfreundlich', 'gestern', 'bereits', 'schon mit'],
  orderNumberKeywords: ['bestell', 'auftrag'],
  orderNumberFillers: ['nr', 'nummer', 'no', 'ist', 'lautet', 'id'],
};
