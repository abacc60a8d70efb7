import type { IntentLexicon } from '../intent-lexicon';

/** Finnish cues. */
export const finnishLexicon: IntentLexicon = {
  language: 'fi',
  languageMarkers: ['on', 'missa', 'milloin', 'mika', 'mitka', 'minun', 'mun', 'ei', 'ja', 'ole', 'onko', 'voinko', 'kiitos', 'hei', 'haluan', 'en', 'viela', 'minulle', 'minut', 'teilla', 'jo', 'kanssa', 'ovat', 'kauanko', 'miten', 'sain', 'oli', 'mutta', 'mitaan', 'saisinko', 'voitteko', 'koska', 'yha', 'tuli', 'jonka', 'puhuin'],
  orderNouns: ['tilau', 'tilas', 'tilaam', 'paket', 'lahetys', 'lahetyk', 'toimitus', 'toimituks', '*tilaus'],
  statusCues: ['missa', 'milloin', '=koska', '=tila', 'saapu', 'tulee', 'perill', 'lahetet', 'toimitet', '=viela', 'odota', 'odotan', 'seuran', 'matkalla', 'en ole saanut', 'ole saanut', 'uutta tietoa', 'tietoa', 'tarkist', 'tilanne', 'tilantee', 'postitet', 'tullut', 'odottaa', '=saa', 'lahten', 'vaihee', 'tapahtuu'],
  standaloneStatusCues: ['seurantanumero', 'seurantakoodi', 'seurantalinkki', 'tracking', 'missa tilaukseni', 'missa pakettini'],
  otherTopicCues: ['muut', 'peru', 'palaut', 'hyvity', 'vaihd', 'vaiht', '*osoit', 'rikki', 'vaurio', 'vaara', 'lasku', 'myymal', 'kaupp', 'aukiolo', 'alennus', 'nayttaa toimitet', 'toimitetuksi mutta', 'teen tilauk', '=koko', '=koon', 'puuttu', 'varasto', 'lisaa', 'toisen tilauk', 'tehda toisen', '*kokotaulu', 'missa voin', 'mista', 'arvostel', 'arvio', 'maksa'],
  gratitudeCues: ['kiitos', 'kiitti'],
  negationCues: ['=ei', '=en', '=eivat', '=emme', '=et'],
  humanNouns: ['ihmi', 'asiakaspalvelij', 'henkilo', 'tyontekij', 'agentti', '=joku', 'jonkun', 'asiakaspalvelu'],
  humanVerbs: ['puhu', 'yhdist', 'soit', 'keskustel', 'jutel', 'tarvit', 'apu'],
  standaloneHumanCues: ['oike ihmi', 'soita minulle', 'soittaa minulle', 'en halua ~ bot', 'en halua ~ robot', 'ihminen kiitos'],
  humanNarrativeCues: ['=puhuin', '=oli', 'epakohtel', 'eilen', 'jo puhu'],
  orderNumberKeywords: ['tilau', '*tilausnumero'],
  orderNumberFillers: ['nro', 'numero', 'no', 'on'],
};
