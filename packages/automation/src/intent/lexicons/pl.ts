import type { IntentLexicon } from '../intent-lexicon';

/** Polish cues. */
export const polishLexicon: IntentLexicon = {
  language: 'pl',
  languageMarkers: ['jest', 'moje', 'moja', 'moj', 'mojego', 'moim', 'moja', 'gdzie', 'kiedy', 'czy', 'nie', 'z', 'i', 'w', 'na', 'do', 'prosze', 'dzien', 'dobry', 'juz', 'sie', 'mnie', 'jak', 'co', 'chce', 'moge', 'dziekuje', 'jeszcze', 'nadal', 'zostalo', 'ale', 'nic', 'macie', 'wasz', 'jaki', 'jakich', 'ile', 'trwa', 'ktorym', 'byl', 'wszystko', 'poprosze', 'o'],
  orderNouns: ['zamowien', 'zamowil', 'paczk', 'przesylk', 'dostaw', 'towar'],
  statusCues: ['gdzie', 'kiedy', 'status', 'dotr', 'dosz', 'przyjd', 'wysl', 'dostarcz', 'sledz', 'numer przesylki', 'jeszcze nie', 'nadal', 'czekam', 'w drodze', 'otrzyma', 'co sie dzieje', 'wiadomo', 'nadan', 'sprawdz', '=co z', 'przyszl', 'przysz', 'spodziewa', 'dalej nic', '=stan'],
  standaloneStatusCues: ['numer przesylki', 'numer sledzenia', 'link do sledzenia', 'tracking', 'gdzie jest moje zamowienie', 'gdzie moja paczka'],
  otherTopicCues: ['zmien', 'anul', 'zwrot', 'zwroc', 'wymien', 'wymian', '*adres', 'uszkodz', 'zepsu', '=zly', '=zla', '=zle', 'faktur', 'sklep', 'godzin', 'otwar', 'rabat', 'zloz', 'pokazuje doreczon', 'doreczono ale', 'doreczona ale', 'rozmiar', 'brakuj', 'niekomplet', 'dostepn', 'drugie zamowienie', 'tabel', 'gdzie moge', 'gdzie znajd', 'ocen', 'opini', 'zaplac', 'platno', 'karta', 'karta'],
  gratitudeCues: ['dziekuj', 'dzieki'],
  negationCues: ['=nie', '=nic', '=nigdy'],
  humanNouns: ['czlowiek', 'konsultant', 'pracownik', 'osob', 'agent', 'kims', 'doradc', 'ktos', 'kims', 'obslug'],
  humanVerbs: ['rozmaw', 'porozmaw', 'polacz', 'zadzwon', 'kontakt telefon', 'potrzeb', 'pomoc'],
  standaloneHumanCues: ['kontakt telefoniczny', 'zywy czlowiek', 'z czlowiekiem', 'nie chce ~ bot', 'prosze o telefon', 'prawdziw ~ czlowiek', 'prawdziw ~ osob'],
  humanNarrativeCues: ['rozmawialem', 'rozmawialam', '=byl', '=byla', 'niemil', 'wczoraj', 'juz rozmaw'],
  orderNumberKeywords: ['zamowien'],
  orderNumberFillers: ['nr', 'numer', 'no', 'o', 'numerze', 'to'],
};
