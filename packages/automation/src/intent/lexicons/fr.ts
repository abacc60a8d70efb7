import type { IntentLexicon } from '../intent-lexicon';

/** French cues. */
export const frenchLexicon: IntentLexicon = {
  language: 'fr',
  languageMarkers: ['je', 'ma', 'mon', 'mes', 'est', 'ou', 'quand', 'le', 'la', 'les', 'des', 'du', 'un', 'une', 'et', 'pas', 'ne', 'n', 'j', 'm', 'l', 'vous', 'pouvez', 'bonjour', 'merci', 'toujours', 'ai', 'suis', 'quel', 'quelle', 'quels', 'ce', 'que', 'qu', 'votre', 'vos', 'avez', 'rien', 'veux', 'voudrais', 'puis', 'moi', 'il', 'elle', 'au', 'en', 'sont', 'comment', 'combien', 'tres', 'hier', 'bien', 'svp'],
  orderNouns: ['command', 'comand', 'colis', 'livraison', 'envoi', 'paquet', 'achat'],
  statusCues: ['ou est', 'ou en est', 'ou sont', 'ou se trouve mon', 'ou se trouve ma', '=quand', 'statut', 'suivi', 'arrive', 'arriver', 'arrivera', 'livrera', 'expedi', 'recev', 'attend', 'en route', 'en chemin', 'nouvelles', 'date de livraison', 'bloque', 'que se passe', 'sera ~ livree', 'nouvelles de', '=partie', '=parti', 'est ou', 'estimee'],
  supportingStatusCues: ['=livre', '=livree', '=livres', '=livrer', '=recu', '=recue', 'toujours pas', 'pas encore', 'toujours rien', 'prevue', 'verifi'],
  standaloneStatusCues: ['numero de suivi', 'suivi de colis', 'suivi de commande', 'lien de suivi', 'tracking', 'ou en est ma commande', 'ou est ma commande'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'annul', 'modifi', 'chang', 'ajout', 'supprim', 'rectifi', 'corrig', '*adresse', 'plus besoin',
    // returns, exchanges, refunds, money
    'retour', 'retourn', 'renvoy', 'renvoi', 'echang', 'rembours', '=argent',
    // damaged, faulty, wrong or missing items
    'abim', 'endommag', 'cass', 'defectu', 'dechir', 'ecras', 'fissur', 'raye', 'tache', 'mauvais etat', 'marche pas', 'fonctionne pas', 'mauvais', 'erreur', 'pas le bon', 'pas la bonne', 'au lieu', 'manque', 'manquant', 'incomplet',
    // delivered but not received
    'indique ~ livre', 'affiche ~ livre', 'marque ~ livre', 'statut ~ livre', 'livre mais', 'voisin', '=vole', 'bien recu',
    // payment, confirmation, invoices
    'paiement', 'payer', 'paye', 'paypal', 'debit', 'preleve', 'prelevement', 'factur', '=confirmee', '=confirme', 'confirmation', '=validee', '=valide', 'carte bancaire', 'carte bleue',
    // prices, discounts, gift cards
    '=prix', 'code promo', 'promo', 'reduc', '=remise', 'coupon', 'bon d achat', 'carte cadeau', 'solde',
    // the store
    'magasin', 'boutique', 'horaire', 'ouvert', '=ouvre', '=ferme', 'fermez', 'fermeture', 'ou se trouve votre',
    // products, stock and new orders
    'taille', 'guide des tailles', 'pointure', 'couleur', 'en stock', 'disponib', 'rupture', 'de nouveau', 'existe en', 'passer une commande', '=commander',
    // policies, accounts, reviews and complaints
    'frais de port', 'frais de livraison', 'gratuit', 'livrez vous', 'expediez vous', '=compte', 'mot de passe', 'connexion', 'newsletter', 'desabonn', 'desinscri', '=avis', 'reclamation', 'plainte', 'impoli', 'reponse', 'mon mail',
    // where to do something, not where the order is
    'ou puis', 'ou peut on', 'ou dois',
  ],
  arrivalCues: ['=recu', '=recue', '=recus', '=recues', '=arrivee', '=arrivees', '=arrives', 'est arrive', 'sont arrive', '=livre', '=livree', '=livres', '=livrees'],
  contrastCues: ['=mais', '=pourtant', '=cependant'],
  gratitudeCues: ['merci'],
  negationCues: ['=pas', '=rien', '=jamais', '=aucun', '=aucune'],
  humanNouns: ['humain', 'conseill', 'agent', 'quelqu', 'personne', 'operat', 'vrai', 'service client'],
  humanVerbs: ['parl', 'passez moi', 'passer moi', 'mettre en relation', 'transfer', 'rappel', 'appel', 'contact'],
  standaloneHumanCues: ['un humain', 'vrai conseiller', 'vraie personne', 'personne reelle', 'rappeler', 'pas ~ robot', 'pas ~ bot', 'vraie personne', 'vrai humain'],
  humanNarrativeCues: ['=j =ai =eu', '=j =ai =parle', 'etait', 'desagreable', 'hier', 'deja'],
  orderNumberKeywords: ['command', 'comand'],
  orderNumberFillers: ['n', 'no', 'numero', 'num', 'est', 'de'],
};
