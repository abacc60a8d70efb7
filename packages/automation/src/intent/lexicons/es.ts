import type { IntentLexicon } from '../intent-lexicon';

/** Spanish cues. */
export const spanishLexicon: IntentLexicon = {
  language: 'es',
  languageMarkers: ['mi', 'mis', 'el', 'la', 'los', 'las', 'donde', 'cuando', 'esta', 'es', 'de', 'un', 'una', 'y', 'me', 'que', 'con', 'por', 'favor', 'hola', 'gracias', 'ya', 'su', 'sus', 'puedo', 'quiero', 'tienen', 'pueden', 'todavia', 'aun', 'sigo', 'ha', 'he', 'lo', 'cual', 'como', 'cuanto', 'dice', 'pero', 'tengo', 'nada', 'ayer', 'hago', 'necesito', 'saber', 'alguna'],
  orderNouns: ['pedid', 'paquet', '=envio', 'compra', '=orden'],
  statusCues: ['donde', 'cuando', 'estado', 'lleg', 'enviad', 'enviaron', 'entreg', 'seguimiento', 'rastreo', 'todavia no', 'aun no', 'recib', 'en camino', 'como va', 'novedad', 'sigo esperando', 'esperando', '=salio', 'despach', 'revis', 'en que va', 'nada', 'reparto'],
  standaloneStatusCues: ['numero de seguimiento', 'seguimiento', 'rastreo', 'tracking', 'donde esta mi pedido'],
  otherTopicCues: ['cambi', 'modific', 'cancel', 'devol', 'devuelv', 'reembols', '*direccion', '=roto', '=rota', 'danad', 'equivoc', 'incorrect', 'factur', 'tienda', 'horario', 'cupon', 'descuento', 'talla', 'hago un pedido', 'hacer un pedido', 'dice entregado', 'entregado pero', 'marca entregado', 'incomplet', '=falta', '=faltan', 'stock', 'otro pedido', 'guia de tallas', 'vuelven a tener', 'donde puedo', 'donde dejo', 'donde se', 'resena', 'opinion', 'pagar', 'tarjeta'],
  gratitudeCues: ['gracias'],
  negationCues: ['=no', '=nada', '=nunca', '=todavia no', '=aun no'],
  humanNouns: ['persona', 'agente', 'humano', 'asesor', 'operador', 'alguien', 'ejecutivo', 'representante', 'atencion al cliente'],
  humanVerbs: ['habl', 'comunic', 'pasame', 'pasen', 'conect', 'transfier', 'llam', 'atien', 'necesit'],
  standaloneHumanCues: ['persona real', 'un humano', 'me ~ llamar', 'no quiero ~ bot', 'no quiero ~ robot', 'algun humano', 'hay alguien', 'alguien ~ atencion al cliente'],
  humanNarrativeCues: ['=hable', 'ya hable', 'ayer', 'no me ayudo', 'fue grosero', 'fue grosera'],
  orderNumberKeywords: ['pedid', '=orden'],
  orderNumberFillers: ['n', 'no', 'nro', 'numero', 'num', 'es', 'de'],
};
