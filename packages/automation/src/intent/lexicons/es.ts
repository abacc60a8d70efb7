import type { IntentLexicon } from '../intent-lexicon';

/** Spanish cues. */
export const spanishLexicon: IntentLexicon = {
  language: 'es',
  languageMarkers: ['mi', 'mis', 'el', 'la', 'los', 'las', 'donde', 'cuando', 'esta', 'es', 'de', 'un', 'una', 'y', 'me', 'que', 'con', 'por', 'favor', 'hola', 'gracias', 'ya', 'su', 'sus', 'puedo', 'quiero', 'tienen', 'pueden', 'todavia', 'aun', 'sigo', 'ha', 'he', 'lo', 'cual', 'como', 'cuanto', 'dice', 'pero', 'tengo', 'nada', 'ayer', 'hago', 'necesito', 'saber', 'alguna'],
  orderNouns: ['pedid', 'paquet', '=envio', 'compra', '=orden'],
  statusCues: ['donde', 'cuando', 'estado', 'lleg', 'enviad', 'enviaron', 'seguimiento', 'rastreo', 'en camino', 'como va', 'novedad', 'sigo esperando', 'esperando', '=salio', 'despach', 'en que va', 'reparto', 'estimad', 'noticia'],
  supportingStatusCues: ['entreg', 'todavia no', 'aun no', 'recib', 'revis', 'nada'],
  standaloneStatusCues: ['numero de seguimiento', 'seguimiento', 'rastreo', 'tracking', 'donde esta mi pedido'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'cancel', 'anul', 'cambi', 'modific', 'anadir', 'agregar', 'quitar', 'elimin', '*direccion', 'ya no lo quiero', 'ya no la quiero',
    // returns, exchanges, refunds, money
    'devol', 'devuelv', 'reembols', 'dinero', 'reintegr', 'abono',
    // damaged, faulty, wrong or missing items
    '=roto', '=rota', '=rotos', '=rotas', 'rompi', 'danad', 'defectuos', 'estropead', 'golpead', 'abollad', 'rayad', 'manchad', 'mal estado', 'no funciona', 'equivoc', 'incorrect', 'error', 'en vez de', 'en lugar de', 'otro producto', '=falta', '=faltan', '=falto', 'incomplet',
    // delivered but not received
    'dice ~ entregado', 'pone ~ entregado', 'aparece ~ entregado', 'figura ~ entregado', 'marca ~ entregado', 'estado ~ entregado', 'entregado pero', 'vecino', 'robad',
    // payment, confirmation, invoices
    'pagar', '=pago', 'pagad', 'pague', 'cobr', 'cargo', 'tarjeta', 'paypal', 'bizum', 'factur', '=confirmado', '=confirmada', 'confirmacion', 'confirmaron', 'se ha confirmado',
    // prices, discounts, gift cards
    'precio', 'cupon', 'descuento', 'promo', 'rebaja', 'oferta',
    // the store
    'tienda', 'horario', '=abre', '=abren', 'abierto', 'abierta', '=cierra', '=cierran', 'sucursal',
    // products, stock and new orders
    'talla', 'guia de tallas', 'color', 'stock', 'disponib', 'agotad', 'vuelven a tener', 'hago un pedido', 'hacer un pedido', 'otro pedido',
    // policies, accounts, reviews and complaints
    'gastos de envio', 'envio gratis', 'envios a', 'enviais a', 'envian a', 'mi cuenta', 'contrasena', 'iniciar sesion', 'suscrip', 'darme de baja', 'resena', 'opinion', 'reclam', 'queja', 'grosero', 'maleducad', 'respuesta', 'mi correo',
    // where to do something, not where the order is
    'donde puedo', 'donde dejo', 'donde se puede',
  ],
  arrivalCues: ['=recibido', '=recibi', '=llego', '=llegado', '=llegaron', '=entregado', '=entregaron', '=entrego'],
  contrastCues: ['=pero', 'sin embargo', '=aunque'],
  gratitudeCues: ['gracias'],
  negationCues: ['=no', '=nada', '=nunca', '=todavia no', '=aun no'],
  humanNouns: ['persona', 'agente', 'humano', 'asesor', 'operador', 'alguien', 'ejecutivo', 'representante', 'atencion al cliente'],
  humanVerbs: ['habl', 'comunic', 'pasame', 'pasen', 'conect', 'transfier', 'llam', 'atien', 'necesit', 'aten'],
  standaloneHumanCues: ['persona real', 'un humano', 'me ~ llamar', 'no quiero ~ bot', 'no quiero ~ robot', 'algun humano', 'hay alguien', 'alguien ~ atencion al cliente'],
  humanNarrativeCues: ['=hable', 'ya hable', 'ayer', 'no me ayudo', 'fue grosero', 'fue grosera'],
  orderNumberKeywords: ['pedid', '=orden'],
  orderNumberFillers: ['n', 'no', 'nro', 'numero', 'num', 'es', 'de'],
};
