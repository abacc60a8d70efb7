import type { IntentLexicon } from '../intent-lexicon';

/** Romanian cues. */
export const romanianLexicon: IntentLexicon = {
  language: 'ro',
  languageMarkers: ['este', 'e', 'unde', 'cand', 'mea', 'meu', 'mele', 'mei', 'nu', 'si', 'cu', 'un', 'o', 'la', 'pentru', 'va', 'rog', 'buna', 'ziua', 'am', 'vreau', 'pot', 'sa', 'imi', 'ma', 'care', 'inca', 'multumesc', 'ati', 'aveti', 'puteti', 'a', 'fost', 'dar', 'nimic', 'cat', 'dureaza', 'scrie', 'ieri', 'vostru', 'cum', 'vreo', 'sunt'],
  orderNouns: ['comand', 'comenz', 'colet', 'pachet', '=livrare', 'expedier'],
  statusCues: ['unde', '=cand', 'status', 'stadiu', '=stare', 'ajun', '=vine', 'livreaz', 'expedia', 'urmar', '=awb', 'astept', 'pe drum', 'noutat', 'plecat', 'se intampla', 'ma astept', '=ce e cu', '=ce este cu', 'estimat', 'vesti'],
  supportingStatusCues: ['=livrat', 'inca nu', 'primit', 'verific', 'venit', 'depozit'],
  standaloneStatusCues: ['=awb', 'numar de urmarire', 'numarul de urmarire', 'tracking', 'unde este comanda mea', 'unde e comanda mea'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'anul', 'renunt', 'modific', 'schimb', 'adaug', 'sterg', '*adres',
    // returns, exchanges, refunds, money
    'retur', 'inapoi', 'rambur', 'restitu', '=bani', '=banii', 'banilor',
    // damaged, faulty, wrong or missing items
    'deterior', 'strica', 'spart', '=rupt', 'rupta', 'zgariat', 'lovit', 'sifonat', 'defect', 'nu functioneaza', 'reclamati', 'gresit', 'in loc de', 'alt produs', 'lipse', 'incomplet',
    // delivered but not received
    'scrie ~ livrat', 'apare ~ livrat', 'arata ~ livrat', 'status ~ livrat', 'livrat dar', 'vecin', 'furat',
    // payment, confirmation, invoices
    'plati', 'platit', 'platesc', '=plata', 'cardul', '=card', 'debitat', 'retras', 'factur', 'bon fiscal', 'confirmat', 'confirmare',
    // prices, discounts, gift cards
    '=pret', 'pretul', 'reducer', 'cupon', 'voucher', 'promo', 'card cadou',
    // the store
    'magazin', '=program', 'programul', 'orar', 'deschis', 'inchid',
    // products, stock and new orders
    'marime', 'marim', 'tabel', 'culoare', '=stoc', 'in stoc', 'disponibil', 'epuizat', 'cum plasez', 'plasez', 'mai plasez',
    // policies, accounts, reviews and complaints
    '=cost', 'costul', 'costa', 'costuri', 'taxa de livrare', 'transport gratuit', 'livrati in', '=cont', '=contul', 'parola', 'autentific', 'newsletter', 'dezabon', 'recenzi', 'plangere', 'nepoliticos', 'obraznic', 'raspuns',
    // where to do something, not where the order is
    'unde pot', 'unde gasesc',
  ],
  arrivalCues: ['=primit', '=primita', '=venit', '=ajuns', '=livrat', '=livrata', '=sosit'],
  contrastCues: ['=dar', '=insa', '=totusi'],
  gratitudeCues: ['multumesc', 'mersi'],
  negationCues: ['=nu', '=nimic', '=niciodata', '=n'],
  humanNouns: ['=om', 'operator', 'consultant', 'persoan', 'agent', '=cineva', 'uman', 'angajat', 'relatii clienti', '=cineva'],
  humanVerbs: ['vorb', 'conect', '=suna', 'sunati', 'legat', 'transfer', '=poate suna', 'nevoie', 'ajutor'],
  standaloneHumanCues: ['om real', 'operator uman', 'puteti suna', 'nu vreau ~ robot', 'nu vreau ~ bot', 'om adevarat', 'persoana reala'],
  humanNarrativeCues: ['am vorbit', 'a fost', 'nepolitico', 'ieri', 'deja'],
  orderNumberKeywords: ['comand', 'comenz'],
  orderNumberFillers: ['nr', 'numar', 'numarul', 'no', 'este', 'e'],
};
