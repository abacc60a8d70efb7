import type { IntentLexicon } from '../intent-lexicon';

/** German cues. */
export const germanLexicon: IntentLexicon = {
  language: 'de',
  languageMarkers: ['ich', 'ist', 'mein', 'meine', 'meiner', 'meinen', 'meinem', 'wo', 'wann', 'wie', 'der', 'die', 'das', 'und', 'nicht', 'mit', 'bitte', 'noch', 'schon', 'sie', 'mir', 'mich', 'kann', 'ein', 'eine', 'einen', 'einem', 'einer', 'hallo', 'danke', 'wurde', 'gibt', 'es', 'auf', 'zu', 'haben', 'habe', 'hier', 'aber', 'seit', 'fur', 'keinen', 'will', 'mochte', 'konnen', 'ihre', 'ihr', 'lange', 'dauert', 'nach', 'etwas', 'alles'],
  orderNouns: ['bestell', 'auftrag', 'paket', '=packet', 'lieferung', 'sendung', '=ware', '=waren', 'packchen'],
  statusCues: ['=wo', 'wann', 'status', 'versendet', 'versandt', 'verschickt', 'unterwegs', 'geliefert', 'angekommen', 'ankunft', 'kommt', 'noch nicht', 'immer noch', 'warte', 'bleibt', 'erhalten', 'nicht da', 'sendungsnummer', 'sendungsverfolgung', 'tracking', '=raus', 'rausgegangen', 'nachsehen', 'nachschauen', '=prufen', '*status', 'bekommen', 'gerade', '=stand'],
  standaloneStatusCues: ['sendungsverfolgung', 'sendungsnummer', 'trackingnummer', 'tracking', 'paketverfolgung', 'wo bleibt mein', '*lieferstatus', '*bestellstatus'],
  otherTopicCues: ['=andern', '=aendern', 'anderung', 'aenderung', 'storn', 'zuruck', '*rucksend', 'retour', '*tausch', '*erstatt', 'geld zuruck', '*adress', 'beschadig', 'kaputt', 'defekt', 'falsch', 'rechnung', 'gutschein', 'rabatt', 'filiale', '=laden', 'geoffnet', '*offnungszeit', 'hinzufug', 'zugestellt aber', 'geliefert aber', 'als zugestellt', 'laut ~ zugestellt', 'wie bestelle', 'fehlt', 'unvollstandig', 'auf lager', 'aufgeben', 'zweite bestellung', 'noch eine bestellung', '*grossentabelle', '*grosse', 'wo kann ich', 'wo finde ich', 'bewert', 'bezahl', 'zahlung'],
  gratitudeCues: ['danke', '=vielen dank'],
  negationCues: ['nicht', '=kein', '=keine', '=nichts', '=nie', '=noch nie'],
  humanNouns: ['mensch', 'mitarbeiter', 'berater', 'person', 'kundenservice', 'kundendienst', 'agent', 'jemand', 'kundenberater', 'ansprechpartner'],
  humanVerbs: ['sprech', '=reden', 'verbind', 'ruf mich', 'telefonier', 'durchstell', 'anruf', 'zuruckruf', 'brauch', 'hilf'],
  standaloneHumanCues: ['ruckruf', 'echte person', 'echten menschen', 'echter mensch', 'keinen bot', 'kein bot', 'keinen chatbot', 'ruf ~ an', 'rufen sie mich', 'ansprechpartner'],
  humanNarrativeCues: ['=war', 'gesprochen', 'unfreundlich', 'gestern', 'bereits', 'schon mit'],
  orderNumberKeywords: ['bestell', 'auftrag'],
  orderNumberFillers: ['nr', 'nummer', 'no', 'ist', 'lautet', 'id'],
};
