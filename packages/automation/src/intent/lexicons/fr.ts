import type { IntentLexicon } from '../intent-lexicon';

/** French cues. */
export const frenchLexicon: IntentLexicon = {
  language: 'fr',
  languageMarkers: ['je', 'ma', 'mon', 'mes', 'est', 'ou', 'quand', 'le', 'la', 'les', 'des', 'du', 'un', 'une', 'et', 'pas', 'ne', 'n', 'j', 'm', 'l', 'vous', 'pouvez', 'bonjour', 'merci', 'toujours', 'ai', 'suis', 'quel', 'quelle', 'quels', 'ce', 'que', 'qu', 'votre', 'vos', 'avez', 'rien', 'veux', 'voudrais', 'puis', 'moi', 'il', 'elle', 'au', 'en', 'sont', 'comment', 'combien', 'tres', 'hier', 'bien', 'svp'],
  orderNouns: ['command', 'comand', 'colis', 'livraison', 'envoi', 'paquet', 'achat'],
  statusCues: ['ou est', 'ou en est', 'ou sont', 'ou se trouve mon', 'ou se trouve ma', '=quand', 'statut', 'suivi', 'arrive', 'arriver', 'arrivera', '=livre', '=livree', '=livres', '=livrer', 'livrera', 'expedi', '=recu', '=recue', 'recev', 'toujours pas', 'pas encore', 'toujours rien', 'attend', 'en route', 'en chemin', 'nouvelles', 'date de livraison', 'prevue', 'verifi', 'bloque', 'que se passe', 'sera ~ livree', 'nouvelles de', '=partie', '=parti'],
  standaloneStatusCues: ['numero de suivi', 'suivi de colis', 'suivi de commande', 'lien de suivi', 'tracking', 'ou en est ma commande', 'ou est ma commande'],
  otherTopicCues: ['modifi', 'chang', 'annul', 'retour', 'rembours', 'echang', '*adresse', 'abim', 'endommag', 'cass', 'mauvais', 'factur', 'magasin', 'boutique', 'horaire', 'code promo', 'indique livre', 'livre mais', 'marque comme livre', 'bien recu', 'passer une commande', 'taille', 'ou se trouve votre', 'manque', 'incomplet', 'en stock', 'de nouveau', '=commander', 'guide des tailles', 'existe en', 'ou puis', 'ou peut on', 'ou dois', '=avis', 'paiement', 'payer', 'paypal'],
  gratitudeCues: ['merci'],
  negationCues: ['=pas', '=rien', '=jamais', '=aucun', '=aucune'],
  humanNouns: ['humain', 'conseill', 'agent', 'quelqu', 'personne', 'operat', 'vrai', 'service client'],
  humanVerbs: ['parl', 'passez moi', 'passer moi', 'mettre en relation', 'transfer', 'rappel', 'appel', 'contact'],
  standaloneHumanCues: ['un humain', 'vrai conseiller', 'vraie personne', 'personne reelle', 'rappeler', 'pas ~ robot', 'pas ~ bot', 'vraie personne', 'vrai humain'],
  humanNarrativeCues: ['=j =ai =eu', '=j =ai =parle', 'etait', 'desagreable', 'hier', 'deja'],
  orderNumberKeywords: ['command', 'comand'],
  orderNumberFillers: ['n', 'no', 'numero', 'num', 'est', 'de'],
};
