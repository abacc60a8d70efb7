import type { IntentLexicon } from '../intent-lexicon';

/** Finnish cues. */
export const finnishLexicon: IntentLexicon = {
  language: 'fi',
  languageMarkers: ['on', 'missa', 'milloin', 'mika', 'mitka', 'minun', 'mun', 'ei', 'ja', 'ole', 'onko', 'voinko', 'kiitos', 'hei', 'haluan', 'en', 'viela', 'minulle', 'minut', 'teilla', 'jo', 'kanssa', 'ovat', 'kauanko', 'miten', 'sain', 'oli', 'mutta', 'mitaan', 'saisinko', 'voitteko', 'koska', 'yha', 'tuli', 'jonka', 'puhuin'],
  orderNouns: ['tilau', 'tilas', 'tilaam', 'paket', 'lahetys', 'lahetyk', 'toimitus', 'toimituks', '*tilaus'],
  statusCues: ['missa', 'milloin', '=koska', '=tila', 'saapu', 'tulee', 'perill', 'lahetet', 'odota', 'odotan', 'seuran', 'matkalla', 'en ole saanut', 'ole saanut', 'uutta tietoa', 'tilanne', 'tilantee', 'postitet', 'odottaa', 'lahten', 'vaihee', '=tilan', 'tulossa', 'arvioitu', 'toimitusaika'],
  supportingStatusCues: ['toimitet', '=viela', 'tietoa', 'tarkist', 'tullut', '=saa', 'tapahtuu'],
  standaloneStatusCues: ['seurantanumero', 'seurantakoodi', 'seurantalinkki', 'tracking', 'missa tilaukseni', 'missa pakettini'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'peru', 'muutt', 'muutos', 'muutok', 'muutet', 'vaihd', 'vaiht', 'lisaa', 'lisata', 'poista', '*osoit',
    // returns, exchanges, refunds, money
    'palaut', 'takaisin', 'hyvity', '=raha', 'rahat', 'rahoj', 'rahan',
    // damaged, faulty, wrong or missing items
    'rikki', 'rikkin', 'vaurio', 'viallin', '=vika', 'hajo', 'haljen', 'naarmu', 'kolhi', 'ei toimi', 'reklamaatio', 'vaara', 'virhe', 'sijaan', 'puuttu',
    // delivered but not received
    'nayttaa ~ toimitet', 'mukaan ~ toimitet', 'toimitetuksi', 'naapuri', 'varastet',
    // payment, confirmation, invoices
    'maks', 'veloit', 'lasku', 'kuitti', '*vahvist', 'kortti', 'kortilla', 'klarna', 'mobilepay',
    // prices, discounts, gift cards
    'hinta', 'hinna', 'alennus', 'alekoodi', '=ale', 'kuponki', 'lahjakortti', 'tarjous',
    // the store
    'myymal', 'kaupp', 'aukiolo', '=auki', 'sulkeutu', 'suljet',
    // products, stock and new orders
    '=koko', '=koon', '*kokotaulu', '=vari', 'varia', 'saatavilla', 'loppuunmyy', 'varastoon', 'teen tilauk', 'toisen tilauk', 'tehda toisen',
    // policies, accounts, reviews and complaints
    'toimituskulu', 'postikulu', 'ilmai', 'toimitatteko', 'lahetatteko', '=tili', 'tilille', 'tilini', 'salasana', 'kirjaud', 'uutiskirje', 'arvostel', '=arvio', 'valitus', 'valittaa', 'epakohtel', 'toykea', 'vastaus', 'vastausta',
    // where to do something, not where the order is
    'missa voin', 'mista',
  ],
  arrivalCues: ['saapunut', 'saapui', 'tullut', 'tullu', '=tuli', 'saanut', '=sain', 'toimitettu', 'toimitettiin'],
  contrastCues: ['=mutta', '=kuitenkin'],
  gratitudeCues: ['kiitos', 'kiitti'],
  negationCues: ['=ei', '=en', '=eivat', '=emme', '=et', '=eika', '=eiko'],
  humanNouns: ['ihmi', 'asiakaspalvelij', 'henkilo', 'tyontekij', 'agentti', '=joku', 'jonkun', 'asiakaspalvelu'],
  humanVerbs: ['puhu', 'yhdist', 'soit', 'keskustel', 'jutel', 'tarvit', 'apu'],
  standaloneHumanCues: ['oike ihmi', 'soita minulle', 'soittaa minulle', 'en halua ~ bot', 'en halua ~ robot', 'ihminen kiitos'],
  humanNarrativeCues: ['=puhuin', '=oli', 'epakohtel', 'eilen', 'jo puhu'],
  orderNumberKeywords: ['tilau', '*tilausnumero'],
  orderNumberFillers: ['nro', 'numero', 'no', 'on'],
};
