import type { IntentLexicon } from '../intent-lexicon';

/** Polish cues. */
export const polishLexicon: IntentLexicon = {
  language: 'pl',
  languageMarkers: ['jest', 'moje', 'moja', 'moj', 'mojego', 'moim', 'moja', 'gdzie', 'kiedy', 'czy', 'nie', 'z', 'i', 'w', 'na', 'do', 'prosze', 'dzien', 'dobry', 'juz', 'sie', 'mnie', 'jak', 'co', 'chce', 'moge', 'dziekuje', 'jeszcze', 'nadal', 'zostalo', 'ale', 'nic', 'macie', 'wasz', 'jaki', 'jakich', 'ile', 'trwa', 'ktorym', 'byl', 'wszystko', 'poprosze', 'o'],
  orderNouns: ['zamowien', 'zamowil', 'paczk', 'przesylk', 'dostaw', 'towar'],
  statusCues: ['gdzie', 'kiedy', 'status', 'dotr', 'dosz', 'przyjd', 'wysl', 'sledz', 'numer przesylki', 'czekam', 'w drodze', 'co sie dzieje', 'wiadomo', 'nadan', '=co z', 'spodziewa', 'dalej nic', '=stan', 'przewidywan', 'szacowan'],
  supportingStatusCues: ['dostarcz', 'jeszcze nie', 'nadal', 'otrzyma', 'sprawdz', 'przyszl', 'przysz'],
  standaloneStatusCues: ['numer przesylki', 'numer sledzenia', 'link do sledzenia', 'tracking', 'gdzie jest moje zamowienie', 'gdzie moja paczka'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'anul', 'rezygn', 'wycof', 'zmien', 'zmian', 'dodac', 'dodani', 'usun', 'popraw', '*adres',
    // returns, exchanges, refunds, money
    'zwrot', 'zwroc', 'odesl', 'odstap', 'wymien', 'wymian', 'pieniadz', 'pieniedz',
    // damaged, faulty, wrong or missing items
    'uszkodz', 'zepsu', 'zniszcz', 'rozbit', 'pekni', 'peknie', 'pekl', 'porysow', 'podart', 'wadliw', '=wada', 'nie dziala', 'zgniecion', 'reklamac', '=zly', '=zla', '=zle', '=zlego', '=zlej', 'pomyl', 'nie =ten', 'nie =to', 'zamiast', 'inny produkt', 'brakuj', 'niekomplet',
    // delivered but not received
    'pokazuje ~ doreczon', 'pokazuje ~ dostarcz', 'status ~ doreczon', 'status ~ dostarcz', 'jako doreczon', 'jako dostarcz', 'widnieje ~ doreczon', 'widnieje ~ dostarcz', 'doreczono ale', 'doreczona ale', 'sasiad', 'ukradzi', 'skradzi',
    // payment, confirmation, invoices
    'zaplac', 'zaplat', 'oplac', 'platno', 'platn', 'pobran', 'obciaz', 'przelew', 'blik', 'karta', 'karte', 'faktur', 'paragon', 'potwierdz',
    // prices, discounts, gift cards
    '=cena', '=ceny', '=cene', 'rabat', 'kupon', 'promocj', 'znizk', '=bon',
    // the store
    'sklep', 'godziny otwarcia', 'w jakich godzinach', 'do ktorej godziny', 'otwar', 'czynn', 'zamyka', 'zamkni',
    // products, stock and new orders
    'rozmiar', 'tabel', 'kolor', 'dostepn', 'wyprzedan', 'zloz', 'drugie zamowienie',
    // policies, accounts, reviews and complaints
    'koszt', 'darmow', 'wysylacie', 'za granice', '=konto', '=konta', 'haslo', 'zaloguj', 'logowan', 'newsletter', 'subskryp', 'ocen', 'opini', 'skarg', 'nieuprzejm', 'chamsk', 'odpowiedz',
    // where to do something, not where the order is
    'gdzie moge', 'gdzie znajd',
  ],
  arrivalCues: ['otrzymal', 'dostalem', 'dostalam', 'dostal', 'przyszl', 'przyszedl', 'doszl', 'doszed', 'dotarl', 'dostarczon', 'doreczon', 'dostarczyl'],
  contrastCues: ['=ale', '=jednak', '=lecz'],
  gratitudeCues: ['dziekuj', 'dzieki'],
  negationCues: ['=nie', '=nic', '=nigdy'],
  humanNouns: ['czlowiek', 'konsultant', 'pracownik', 'osob', 'agent', 'kims', 'doradc', 'ktos', 'kims', 'obslug', 'kogos'],
  humanVerbs: ['rozmaw', 'porozmaw', 'polacz', 'zadzwon', 'kontakt telefon', 'potrzeb', 'pomoc'],
  standaloneHumanCues: ['kontakt telefoniczny', 'zywy czlowiek', 'z czlowiekiem', 'nie chce ~ bot', 'prosze o telefon', 'prawdziw ~ czlowiek', 'prawdziw ~ osob'],
  humanNarrativeCues: ['rozmawialem', 'rozmawialam', '=byl', '=byla', 'niemil', 'wczoraj', 'juz rozmaw'],
  orderNumberKeywords: ['zamowien'],
  orderNumberFillers: ['nr', 'numer', 'no', 'o', 'numerze', 'to'],
};
