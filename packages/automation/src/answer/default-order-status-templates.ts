import type { SupportLanguage } from '../intent/support-language';

/** The situations an order-status answer covers, plus the line sent when a person takes over. */
export const orderStatusTemplateKeys = [
  'not_shipped',
  'partially_shipped',
  'in_transit',
  'out_for_delivery',
  'attempted_delivery',
  'ready_for_pickup',
  'delivered',
  'handing_over',
  'delay_notice',
  'failure_notice',
] as const;

/** One of the situations an order-status template covers. */
export type OrderStatusTemplateKey = (typeof orderStatusTemplateKeys)[number];

/**
 * Templates for every situation in one language.
 *
 * `delay_notice` and `failure_notice` are sent proactively when a shipment is delayed or fails.
 * Placeholders: `{orderName}`, `{carrier}`, `{trackingNumber}`, `{trackingUrl}`,
 * `{estimatedDelivery}`. A section in `[[…]]` is left out when a placeholder inside it has no value.
 */
export type OrderStatusTemplateSet = Readonly<Record<OrderStatusTemplateKey, string>>;

const tracking = (label: string, expected: string) =>
  `[[ ${label}: {trackingNumber}.]][[ {trackingUrl}]][[ ${expected}: {estimatedDelivery}.]]`;

/** The built-in templates, one set per supported language. */
export const defaultOrderStatusTemplates: Readonly<Record<SupportLanguage, OrderStatusTemplateSet>> = {
  en: {
    not_shipped: 'Your order {orderName} has not shipped yet. We will send you the tracking link as soon as it leaves our warehouse.',
    partially_shipped: `Part of your order {orderName} is on its way[[ with {carrier}]]; the rest follows separately.${tracking('Tracking number', 'Expected delivery')}`,
    in_transit: `Your order {orderName} is on its way[[ with {carrier}]].${tracking('Tracking number', 'Expected delivery')}`,
    out_for_delivery: `Your order {orderName} is out for delivery today[[ with {carrier}]].${tracking('Tracking number', 'Expected delivery')}`,
    attempted_delivery: `[[{carrier} ]]tried to deliver your order {orderName} but could not. The tracking page shows how to rearrange delivery.${tracking('Tracking number', 'Expected delivery')}`,
    ready_for_pickup: `Your order {orderName} is ready for pickup.${tracking('Tracking number', 'Collect by')}`,
    delivered: 'Your order {orderName} has been delivered.[[ {trackingUrl}]] If you cannot find it, reply and a colleague will help.',
    handing_over: 'Thanks, a colleague will take over from here and get back to you as soon as possible.',
    delay_notice: 'Sorry, your order {orderName} is delayed[[ with {carrier}]]. We are on it and will keep you posted.[[ {trackingUrl}]]',
    failure_notice: 'There is a problem delivering your order {orderName}[[ with {carrier}]]. A colleague is looking into it and will contact you.[[ {trackingUrl}]]',
  },
  de: {
    not_shipped: 'Ihre Bestellung {orderName} wurde noch nicht versendet. Sobald sie unser Lager verlässt, schicken wir Ihnen den Tracking-Link.',
    partially_shipped: `Ein Teil Ihrer Bestellung {orderName} ist unterwegs[[ mit {carrier}]]; der Rest folgt separat.${tracking('Sendungsnummer', 'Voraussichtliche Zustellung')}`,
    in_transit: `Ihre Bestellung {orderName} ist unterwegs[[ mit {carrier}]].${tracking('Sendungsnummer', 'Voraussichtliche Zustellung')}`,
    out_for_delivery: `Ihre Bestellung {orderName} wird heute zugestellt[[ ({carrier})]].${tracking('Sendungsnummer', 'Voraussichtliche Zustellung')}`,
    attempted_delivery: `[[{carrier} ]]konnte Ihre Bestellung {orderName} nicht zustellen. Auf der Tracking-Seite können Sie eine neue Zustellung vereinbaren.${tracking('Sendungsnummer', 'Voraussichtliche Zustellung')}`,
    ready_for_pickup: `Ihre Bestellung {orderName} liegt zur Abholung bereit.${tracking('Sendungsnummer', 'Abholen bis')}`,
    delivered: 'Ihre Bestellung {orderName} wurde zugestellt.[[ {trackingUrl}]] Falls Sie sie nicht finden, antworten Sie einfach, dann hilft Ihnen ein Kollege.',
    handing_over: 'Danke, ein Kollege übernimmt und meldet sich so schnell wie möglich bei Ihnen.',
    delay_notice: 'Leider verzögert sich Ihre Bestellung {orderName}[[ bei {carrier}]]. Wir kümmern uns darum und halten Sie auf dem Laufenden.[[ {trackingUrl}]]',
    failure_notice: 'Bei der Zustellung Ihrer Bestellung {orderName}[[ durch {carrier}]] gibt es ein Problem. Ein Kollege prüft das und meldet sich bei Ihnen.[[ {trackingUrl}]]',
  },
  fr: {
    not_shipped: "Votre commande {orderName} n'a pas encore été expédiée. Nous vous enverrons le lien de suivi dès qu'elle quittera notre entrepôt.",
    partially_shipped: `Une partie de votre commande {orderName} est en route[[ avec {carrier}]] ; le reste suivra séparément.${tracking('Numéro de suivi', 'Livraison prévue')}`,
    in_transit: `Votre commande {orderName} est en route[[ avec {carrier}]].${tracking('Numéro de suivi', 'Livraison prévue')}`,
    out_for_delivery: `Votre commande {orderName} est en cours de livraison aujourd'hui[[ avec {carrier}]].${tracking('Numéro de suivi', 'Livraison prévue')}`,
    attempted_delivery: `[[{carrier} ]]n'a pas pu livrer votre commande {orderName}. La page de suivi indique comment reprogrammer la livraison.${tracking('Numéro de suivi', 'Livraison prévue')}`,
    ready_for_pickup: `Votre commande {orderName} est prête à être retirée.${tracking('Numéro de suivi', 'À retirer avant le')}`,
    delivered: "Votre commande {orderName} a été livrée.[[ {trackingUrl}]] Si vous ne la trouvez pas, répondez-nous et un conseiller vous aidera.",
    handing_over: 'Merci, un conseiller prend le relais et vous répondra dès que possible.',
    delay_notice: 'Désolés, votre commande {orderName} a du retard[[ chez {carrier}]]. Nous suivons cela de près et vous tiendrons informé.[[ {trackingUrl}]]',
    failure_notice: "La livraison de votre commande {orderName}[[ par {carrier}]] rencontre un problème. Un conseiller s'en occupe et vous contactera.[[ {trackingUrl}]]",
  },
  es: {
    not_shipped: 'Tu pedido {orderName} aún no se ha enviado. Te mandaremos el enlace de seguimiento en cuanto salga de nuestro almacén.',
    partially_shipped: `Parte de tu pedido {orderName} está en camino[[ con {carrier}]]; el resto llegará por separado.${tracking('Número de seguimiento', 'Entrega prevista')}`,
    in_transit: `Tu pedido {orderName} está en camino[[ con {carrier}]].${tracking('Número de seguimiento', 'Entrega prevista')}`,
    out_for_delivery: `Tu pedido {orderName} está en reparto hoy[[ con {carrier}]].${tracking('Número de seguimiento', 'Entrega prevista')}`,
    attempted_delivery: `[[{carrier} ]]intentó entregar tu pedido {orderName} sin éxito. En la página de seguimiento puedes programar una nueva entrega.${tracking('Número de seguimiento', 'Entrega prevista')}`,
    ready_for_pickup: `Tu pedido {orderName} está listo para recoger.${tracking('Número de seguimiento', 'Recoger antes del')}`,
    delivered: 'Tu pedido {orderName} ha sido entregado.[[ {trackingUrl}]] Si no lo encuentras, responde y un compañero te ayudará.',
    handing_over: 'Gracias, un compañero continúa la conversación y te responderá lo antes posible.',
    delay_notice: 'Lo sentimos, tu pedido {orderName} se ha retrasado[[ con {carrier}]]. Lo estamos siguiendo y te mantendremos informado.[[ {trackingUrl}]]',
    failure_notice: 'Hay un problema con la entrega de tu pedido {orderName}[[ con {carrier}]]. Un compañero lo está revisando y se pondrá en contacto contigo.[[ {trackingUrl}]]',
  },
  pl: {
    not_shipped: 'Twoje zamówienie {orderName} nie zostało jeszcze wysłane. Link do śledzenia wyślemy, gdy tylko opuści nasz magazyn.',
    partially_shipped: `Część zamówienia {orderName} jest w drodze[[ ({carrier})]]; reszta dotrze osobno.${tracking('Numer przesyłki', 'Przewidywana dostawa')}`,
    in_transit: `Twoje zamówienie {orderName} jest w drodze[[ ({carrier})]].${tracking('Numer przesyłki', 'Przewidywana dostawa')}`,
    out_for_delivery: `Twoje zamówienie {orderName} zostanie dziś doręczone[[ ({carrier})]].${tracking('Numer przesyłki', 'Przewidywana dostawa')}`,
    attempted_delivery: `[[{carrier}: ]]nie udało się doręczyć zamówienia {orderName}. Na stronie śledzenia możesz umówić ponowną dostawę.${tracking('Numer przesyłki', 'Przewidywana dostawa')}`,
    ready_for_pickup: `Twoje zamówienie {orderName} czeka na odbiór.${tracking('Numer przesyłki', 'Odbiór do')}`,
    delivered: 'Twoje zamówienie {orderName} zostało doręczone.[[ {trackingUrl}]] Jeśli go nie widzisz, odpisz, a pomoże Ci konsultant.',
    handing_over: 'Dziękujemy, rozmowę przejmie konsultant i odezwie się najszybciej, jak to możliwe.',
    delay_notice: 'Przepraszamy, zamówienie {orderName} jest opóźnione[[ ({carrier})]]. Zajmujemy się tym i będziemy Cię informować.[[ {trackingUrl}]]',
    failure_notice: 'Wystąpił problem z doręczeniem zamówienia {orderName}[[ ({carrier})]]. Konsultant to sprawdza i skontaktuje się z Tobą.[[ {trackingUrl}]]',
  },
  no: {
    not_shipped: 'Bestillingen din {orderName} er ikke sendt ennå. Vi sender deg sporingslenken så snart den forlater lageret.',
    partially_shipped: `En del av bestillingen {orderName} er på vei[[ med {carrier}]]; resten kommer separat.${tracking('Sporingsnummer', 'Forventet levering')}`,
    in_transit: `Bestillingen din {orderName} er på vei[[ med {carrier}]].${tracking('Sporingsnummer', 'Forventet levering')}`,
    out_for_delivery: `Bestillingen din {orderName} blir levert i dag[[ med {carrier}]].${tracking('Sporingsnummer', 'Forventet levering')}`,
    attempted_delivery: `[[{carrier} ]]forsøkte å levere bestillingen {orderName}, men lyktes ikke. Sporingssiden viser hvordan du avtaler ny levering.${tracking('Sporingsnummer', 'Forventet levering')}`,
    ready_for_pickup: `Bestillingen din {orderName} er klar til henting.${tracking('Sporingsnummer', 'Hentes innen')}`,
    delivered: 'Bestillingen din {orderName} er levert.[[ {trackingUrl}]] Finner du den ikke, svar oss, så hjelper en kollega deg.',
    handing_over: 'Takk, en kollega tar over og svarer deg så snart som mulig.',
    delay_notice: 'Beklager, bestillingen {orderName} er forsinket[[ hos {carrier}]]. Vi følger opp og holder deg oppdatert.[[ {trackingUrl}]]',
    failure_notice: 'Det er et problem med leveringen av bestillingen {orderName}[[ hos {carrier}]]. En kollega ser på det og tar kontakt.[[ {trackingUrl}]]',
  },
  fi: {
    not_shipped: 'Tilaustasi {orderName} ei ole vielä lähetetty. Lähetämme seurantalinkin heti, kun se lähtee varastostamme.',
    partially_shipped: `Osa tilauksestasi {orderName} on matkalla[[ ({carrier})]]; loput tulevat erikseen.${tracking('Seurantanumero', 'Arvioitu toimitus')}`,
    in_transit: `Tilauksesi {orderName} on matkalla[[ ({carrier})]].${tracking('Seurantanumero', 'Arvioitu toimitus')}`,
    out_for_delivery: `Tilauksesi {orderName} toimitetaan tänään[[ ({carrier})]].${tracking('Seurantanumero', 'Arvioitu toimitus')}`,
    attempted_delivery: `[[{carrier}: ]]tilauksesi {orderName} toimitus ei onnistunut. Seurantasivulla voit sopia uuden toimituksen.${tracking('Seurantanumero', 'Arvioitu toimitus')}`,
    ready_for_pickup: `Tilauksesi {orderName} on noudettavissa.${tracking('Seurantanumero', 'Nouda viimeistään')}`,
    delivered: 'Tilauksesi {orderName} on toimitettu.[[ {trackingUrl}]] Jos et löydä sitä, vastaa tähän, niin kollegamme auttaa.',
    handing_over: 'Kiitos, kollegamme jatkaa asiaa ja vastaa sinulle mahdollisimman pian.',
    delay_notice: 'Pahoittelemme, tilauksesi {orderName} on viivästynyt[[ ({carrier})]]. Seuraamme tilannetta ja kerromme lisää.[[ {trackingUrl}]]',
    failure_notice: 'Tilauksesi {orderName} toimituksessa on ongelma[[ ({carrier})]]. Kollegamme selvittää asiaa ja ottaa sinuun yhteyttä.[[ {trackingUrl}]]',
  },
  ro: {
    not_shipped: 'Comanda ta {orderName} nu a fost încă expediată. Îți trimitem linkul de urmărire imediat ce pleacă din depozit.',
    partially_shipped: `O parte din comanda ta {orderName} este pe drum[[ cu {carrier}]]; restul vine separat.${tracking('AWB', 'Livrare estimată')}`,
    in_transit: `Comanda ta {orderName} este pe drum[[ cu {carrier}]].${tracking('AWB', 'Livrare estimată')}`,
    out_for_delivery: `Comanda ta {orderName} este în livrare astăzi[[ cu {carrier}]].${tracking('AWB', 'Livrare estimată')}`,
    attempted_delivery: `[[{carrier} ]]nu a reușit să livreze comanda {orderName}. Pe pagina de urmărire poți reprograma livrarea.${tracking('AWB', 'Livrare estimată')}`,
    ready_for_pickup: `Comanda ta {orderName} te așteaptă la ridicare.${tracking('AWB', 'Ridicare până la')}`,
    delivered: 'Comanda ta {orderName} a fost livrată.[[ {trackingUrl}]] Dacă nu o găsești, răspunde-ne și te ajută un coleg.',
    handing_over: 'Mulțumim, un coleg preia conversația și îți răspunde cât mai curând.',
    delay_notice: 'Ne pare rău, comanda ta {orderName} întârzie[[ la {carrier}]]. Ne ocupăm și te ținem la curent.[[ {trackingUrl}]]',
    failure_notice: 'Există o problemă la livrarea comenzii {orderName}[[ prin {carrier}]]. Un coleg verifică și te contactează.[[ {trackingUrl}]]',
  },
  zh: {
    not_shipped: '您的订单 {orderName} 尚未发货。包裹离开仓库后我们会立即发送物流链接给您。',
    partially_shipped: '您的订单 {orderName} 已部分发货[[（{carrier}）]]，其余商品将另行寄出。[[ 运单号：{trackingNumber}。]][[ {trackingUrl}]][[ 预计送达：{estimatedDelivery}。]]',
    in_transit: '您的订单 {orderName} 正在运输途中[[（{carrier}）]]。[[ 运单号：{trackingNumber}。]][[ {trackingUrl}]][[ 预计送达：{estimatedDelivery}。]]',
    out_for_delivery: '您的订单 {orderName} 今天正在派送[[（{carrier}）]]。[[ 运单号：{trackingNumber}。]][[ {trackingUrl}]][[ 预计送达：{estimatedDelivery}。]]',
    attempted_delivery: '[[{carrier} ]]未能成功派送您的订单 {orderName}，您可以在物流页面重新预约派送。[[ 运单号：{trackingNumber}。]][[ {trackingUrl}]]',
    ready_for_pickup: '您的订单 {orderName} 已可自提。[[ 运单号：{trackingNumber}。]][[ {trackingUrl}]][[ 请于 {estimatedDelivery} 前取件。]]',
    delivered: '您的订单 {orderName} 已送达。[[ {trackingUrl}]] 如果没有找到包裹，请回复我们，同事会帮您处理。',
    handing_over: '谢谢，我们的同事会接手并尽快回复您。',
    delay_notice: '抱歉，您的订单 {orderName} 配送延迟[[（{carrier}）]]。我们正在跟进，会随时通知您。[[ {trackingUrl}]]',
    failure_notice: '您的订单 {orderName} 配送出现问题[[（{carrier}）]]。同事正在处理，会尽快联系您。[[ {trackingUrl}]]',
  },
};
