import type { IntentLexicon } from '../intent-lexicon';

/** Norwegian (Bokmål) cues. */
export const norwegianLexicon: IntentLexicon = {
  language: 'no',
  languageMarkers: ['er', 'min', 'mitt', 'mine', 'hvor', 'nar', 'hva', 'jeg', 'ikke', 'og', 'med', 'til', 'pa', 'det', 'den', 'kan', 'dere', 'hei', 'takk', 'har', 'vil', 'meg', 'et', 'fortsatt', 'enna', 'blir', 'av', 'noe', 'fikk', 'sier', 'men', 'lang', 'tid', 'tar', 'hvordan', 'deres', 'gar', 'sett', 'snakke', 'ringe'],
  orderNouns: ['bestill', 'ordre', 'pakke', 'pakka', 'levering', 'forsendelse', '=sending', '=varen', '=varene', '=vare', '=varer'],
  statusCues: ['hvor', '=nar', 'status', 'kommer', 'ankom', '=sendt', 'spor', 'pa vei', 'venter', 'hvor blir det av', 'noe nytt', 'forvente', 'hvordan gar det', 'estimert', 'oppdatering'],
  supportingStatusCues: ['kommet', 'levert', '=enna', 'fortsatt', 'mottatt', 'sjekk', '=fatt', 'ikke fatt', 'ikke fått', 'dukket'],
  standaloneStatusCues: ['sporingsnummer', 'sporingslenke', 'sporingsinfo', 'tracking', 'hvor er pakken min', 'hvor er bestillingen min'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'kanseller', 'avbestill', 'angre', 'endr', 'legge til', 'fjern', '*adresse',
    // returns, exchanges, refunds, money
    'retur', 'sende ~ tilbake', 'sendt ~ tilbake', 'bytt', 'refusjon', 'refunder', 'tilbakebetal', 'penger tilbake', 'penger', 'pengene',
    // damaged, faulty, wrong or missing items
    'odelagt', 'skadet', 'knust', 'defekt', 'revnet', 'sprukket', 'riper', 'virker ikke', 'fungerer ikke', 'reklamas', '=feil', 'i stedet for', 'istedenfor', 'mangler', '=mangel',
    // delivered but not received
    'sier ~ levert', 'star ~ levert', 'viser ~ levert', 'status ~ levert', 'levert men', 'naboen', 'stjalet',
    // payment, confirmation, invoices
    'betal', 'vipps', 'klarna', 'trukket', 'belastet', 'faktura', 'kvittering', '*bekreft', 'kortet', 'bankkort',
    // prices, discounts, gift cards
    '=pris', 'prisen', 'rabatt', 'gavekort', 'tilbud', '=salg',
    // the store
    'butikk', '*apningstid', '=apen', '=apent', '=apner', 'stenger', 'stengt',
    // products, stock and new orders
    'storrelse', '*guide', 'farge', 'pa lager', 'tilgjengelig', 'utsolgt', 'hvordan bestiller', '=bestille', 'flere',
    // policies, accounts, reviews and complaints
    '=frakt', 'fraktkost', 'fraktfri', 'gratis', 'sender dere til', 'leverer dere til', '=konto', 'kontoen', 'passord', 'logge inn', 'nyhetsbrev', 'avmeld', 'vurdering', 'anmeld', 'klage', 'uhoflig', 'frekk', 'svar pa',
    // where to do something, not where the order is
    'hvor kan jeg', 'hvor finner',
  ],
  arrivalCues: ['mottatt', 'mottok', '=fatt', '=fikk', 'kommet', '=kom', 'levert', 'ankommet'],
  contrastCues: ['=men', '=likevel'],
  gratitudeCues: ['takk', 'tusen takk'],
  negationCues: ['=ikke', '=aldri', '=ingen', '=intet'],
  humanNouns: ['menneske', 'person', 'kundebehandler', 'kundeservice', 'medarbeider', 'ansatt', 'agent', '=noen', 'radgiver'],
  humanVerbs: ['snakk', 'prat', 'sett meg over', 'koble', '=ring', 'ringe', 'ringe ~ tilbake', 'trenger', 'hjelp'],
  standaloneHumanCues: ['ekte person', 'et menneske', 'ring meg', 'ringe meg', 'ikke ~ robot', 'ikke ~ bot'],
  humanNarrativeCues: ['snakket', '=var', 'uhoflig', 'i gar', 'allerede'],
  orderNumberKeywords: ['ordre', 'bestilling'],
  orderNumberFillers: ['nr', 'nummer', 'no', 'er', 'id'],
};
