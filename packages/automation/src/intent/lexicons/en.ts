import type { IntentLexicon } from '../intent-lexicon';

/** English cues. */
export const englishLexicon: IntentLexicon = {
  language: 'en',
  languageMarkers: ['the', 'is', 'my', 'where', 'when', 'what', 'whats', 'you', 'your', 'it', 'to', 'of', 'and', 'can', 'please', 'hi', 'hello', 'thanks', 'has', 'have', 'yet', 'with', 'for', 'how', 'do', 'does', 'get', 'want', 'been', 'still', 'any', 'until', 'about', 'there', 'this', 'i'],
  orderNouns: ['order', 'package', 'parcel', 'packet', 'shipment', 'delivery', 'purchase', '=stuff', '=things'],
  statusCues: ['where', '=wher', 'when', 'status', 'arriv', 'shipped', 'dispatch', '=sent', '=eta', 'waiting', 'track', 'on its way', 'on the way', 'on my way', 'any news', 'any update', 'update on', 'news on', 'get here', '=coming', 'expected', 'check on', 'out for delivery', 'go out', 'went out', '=ships', 'nothing yet', 'estimated'],
  supportingStatusCues: ['=whats', '=yet', '=still', 'how long', '=come', '=comes', '=came', 'receiv', 'delivered', 'check my', 'look up', '=left', 'warehouse'],
  standaloneStatusCues: ['track', '=eta', 'order status', 'where s my order', 'where is my order'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    'cancel', 'chang', 'modif', '=edit', '=amend', '=add', 'remov', '*address', 'no longer need', 'no longer want', 'don t want ~ anymore', 'dont want ~ anymore',
    // returns, exchanges, refunds, money
    'return', 'send ~ back', 'sent ~ back', 'exchang', 'refund', 'reimburs', 'money back', '=money', 'chargeback', 'store credit',
    // damaged, faulty, wrong or missing items
    'damag', 'broken', '=broke', 'defect', 'faulty', 'crush', 'smash', 'shatter', 'crack', 'scratch', '=torn', 'ripped', 'leak', '=stain', '=stained', 'not working', 'doesn t work', 'does not work', 'stopped working', 'wrong', 'incorrect', 'mistake', 'missing', '=incomplete', 'instead', 'not what i ordered',
    // delivered but not received
    'says ~ delivered', 'shows ~ delivered', 'marked ~ delivered', 'delivered but', 'stolen', 'neighbour', 'neighbor',
    // payment, confirmation, invoices
    '=pay', 'is ~ =paid', 'was ~ =paid', 'been =paid', 'paid twice', 'payment', 'paypal', 'klarna', '=charged', '=charge', '=charges', 'billing', 'invoice', 'receipt', '=confirmed', 'confirmation', 'order went through', 'did ~ go through', '=card',
    // prices, discounts, gift cards
    'price', 'discount', 'coupon', 'promo', 'voucher', 'gift card', 'giftcard', '=sale',
    // the store
    '=store', '=stores', '=shop', 'opening', '=hours', 'are you open', 'you open', 'open on', 'open today', 'open tomorrow', 'open until', 'what time ~ open', 'what time ~ close', '=branch',
    // products, stock and new orders
    '=size', 'size guide', 'size chart', 'restock', 'back in stock', 'in stock', 'sold out', 'availab', 'colour', 'color', 'waterproof', 'place an order', 'how do i order', 'like to order', 'want to order', 'order another', 'order more', 'order two', 'reorder',
    // policies, accounts, reviews and complaints
    'policy', 'ship to', 'shipping cost', 'delivery cost', 'free shipping', 'free delivery', 'do you ship', 'do you deliver', 'usually', 'history', '=account', 'password', 'log in', '=login', 'sign in', 'unsubscribe', 'newsletter', 'review', '=rate', 'complain', '=rude', 'warranty', 'guarantee', '=reply', '=replied', 'my email', 'my ticket',
    // where to do something, not where the order is
    'where can i', 'where do i', 'where should i',
  ],
  arrivalCues: ['=arrived', '=received', '=recieved', '=came', '=delivered', 'got my order', 'got my parcel', 'got my package', 'got the parcel', 'got the package', '=got =it', 'showed up', 'turned up'],
  contrastCues: ['=but', '=however'],
  gratitudeCues: ['thank', '=thx', '=cheers'],
  negationCues: ['=not', '=never', '=no', '=nothing', 'haven t', 'hasn t', 'didn t', 'isn t', '=havent', '=hasnt', '=didnt', '=isnt', 'wasn t', 'don t', 'doesn t', 'won t', '=wasnt', '=dont', '=doesnt', '=none'],
  humanNouns: ['human', 'person', 'someone', 'somebody', 'agent', 'representative', '=rep', 'operator', '=staff', '=people', 'manager', 'supervisor', '=actual', 'support staff', 'customer service'],
  humanVerbs: ['talk', 'speak', '=chat', 'connect', 'transfer', 'get me', 'put me through', 'call me', '=need', 'help me', 'in charge'],
  standaloneHumanCues: ['real person', 'human please', 'call me back', 'callback', 'live agent', 'don t want ~ bot', 'dont want ~ bot', '=no bot', 'not a bot', 'actual person', 'is there ~ person', 'is there ~ human'],
  humanNarrativeCues: ['talked', 'spoke', 'spoken', 'was rude', 'was very', 'yesterday', 'earlier', 'already'],
  orderNumberKeywords: ['order', '=ordr', '=oder'],
  orderNumberFillers: ['no', 'nr', 'number', 'num', 'id', 'is', 'ref'],
};
