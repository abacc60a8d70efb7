import type { IntentLexicon } from '../intent-lexicon';

/** Norwegian (Bokmål) cues. */
export const norwegianLexicon: IntentLexicon = {
  language: 'no',
  languageMarkers: ['er', 'min', 'mitt', 'mine', 'hvor', 'nar', 'hva', 'jeg', 'ikke', 'og', 'med', 'til', 'pa', 'det', 'den', 'kan', 'dere', 'hei', 'takk', 'har', 'vil', 'meg', 'et', 'fortsatt', 'enna', 'blir', 'av', 'noe', 'fikk', 'sier', 'men', 'lang', 'tid', 'tar', 'hvordan', 'deres', 'gar', 'sett', 'snakke', 'ringe'],
  orderNouns: ['bestill', 'ordre', 'pakke', 'pakka', 'levering', 'forsendelse', '=sending', '=varen', '=varene', '=vare', '=varer'],
  statusCues: ['hvor', '=nar', 'status', 'kommer', 'kommet', 'ankom', 'levert', '=sendt', 'spor', 'pa vei', '=enna', 'fortsatt', 'venter', 'mottatt', 'hvor blir det av', 'noe nytt', 'sjekk', 'forvente', '=fatt', 'ikke fatt', 'ikke fått', 'hvordan gar det', 'dukket'],
  standaloneStatusCues: ['sporingsnummer', 'sporingslenke', 'sporingsinfo', 'tracking', 'hvor er pakken min', 'hvor er bestillingen min'],
  otherTopicCues: ['endr', 'kanseller', 'avbestill', 'retur', 'refusjon', 'penger tilbake', 'bytt', '*adresse', 'odelagt', 'skadet', '=feil', 'faktura', 'butikk', '*apningstid', 'rabatt', 'hvordan bestiller', 'sier levert', 'levert men', 'storrelse', 'mangler', 'pa lager', 'flere', '=bestille', '*guide', 'hvor kan jeg', 'hvor finner', 'vurdering', 'anmeld', 'betal', 'vipps'],
  gratitudeCues: ['takk', 'tusen takk'],
  negationCues: ['=ikke', '=aldri', '=ingen', '=intet'],
  humanNouns: ['menneske', 'person', 'kundebehandler', 'kundeservice', 'medarbeider', 'ansatt', 'agent', '=noen', 'radgiver'],
  humanVerbs: ['snakk', 'prat', 'sett meg over', 'koble', '=ring', 'ringe', 'ringe ~ tilbake', 'trenger', 'hjelp'],
  standaloneHumanCues: ['ekte person', 'et menneske', 'ring meg', 'ringe meg', 'ikke ~ robot', 'ikke ~ bot'],
  humanNarrativeCues: ['snakket', '=var', 'uhoflig', 'i gar', 'allerede'],
  orderNumberKeywords: ['ordre', 'bestilling'],
  orderNumberFillers: ['nr', 'nummer', 'no', 'er', 'id'],
};
