import type { IntentLexicon } from '../intent-lexicon';

/** Romanian cues. */
export const romanianLexicon: IntentLexicon = {
  language: 'ro',
  languageMarkers: ['este', 'e', 'unde', 'cand', 'mea', 'meu', 'mele', 'mei', 'nu', 'si', 'cu', 'un', 'o', 'la', 'pentru', 'va', 'rog', 'buna', 'ziua', 'am', 'vreau', 'pot', 'sa', 'imi', 'ma', 'care', 'inca', 'multumesc', 'ati', 'aveti', 'puteti', 'a', 'fost', 'dar', 'nimic', 'cat', 'dureaza', 'scrie', 'ieri', 'vostru', 'cum', 'vreo', 'sunt'],
  orderNouns: ['comand', 'comenz', 'colet', 'pachet', '=livrare', 'expedier'],
  statusCues: ['unde', '=cand', 'status', 'stadiu', '=stare', 'ajun', '=vine', '=livrat', 'livreaz', 'expedia', 'urmar', '=awb', 'inca nu', 'astept', 'pe drum', 'primit', 'noutat', 'verific', 'plecat', 'venit', 'se intampla', 'ma astept', '=ce e cu', '=ce este cu', 'depozit'],
  standaloneStatusCues: ['=awb', 'numar de urmarire', 'numarul de urmarire', 'tracking', 'unde este comanda mea', 'unde e comanda mea'],
  otherTopicCues: ['modific', 'schimb', 'anul', 'retur', 'rambur', '=banii', '*adres', 'deterior', 'strica', 'gresit', 'factur', 'magazin', 'program', 'reducer', 'cum plasez', 'plasez', 'scrie livrat', 'livrat dar', 'marime', 'lipse', '=stoc', 'in stoc', 'mai plasez', 'tabel', 'marim', 'unde pot', 'unde gasesc', 'recenzi', 'plati', 'platesc', 'cardul'],
  gratitudeCues: ['multumesc', 'mersi'],
  negationCues: ['=nu', '=nimic', '=niciodata'],
  humanNouns: ['=om', 'operator', 'consultant', 'persoan', 'agent', '=cineva', 'uman', 'angajat', 'relatii clienti', '=cineva'],
  humanVerbs: ['vorb', 'conect', '=suna', 'sunati', 'legat', 'transfer', '=poate suna', 'nevoie', 'ajutor'],
  standaloneHumanCues: ['om real', 'operator uman', 'puteti suna', 'nu vreau ~ robot', 'nu vreau ~ bot', 'om adevarat', 'persoana reala'],
  humanNarrativeCues: ['am vorbit', 'a fost', 'nepolitico', 'ieri', 'deja'],
  orderNumberKeywords: ['comand', 'comenz'],
  orderNumberFillers: ['nr', 'numar', 'numarul', 'no', 'este', 'e'],
};
