import type { IntentLexicon } from '../intent-lexicon';

/** English cues. */
export const englishLexicon: IntentLexicon = {
  language: 'en',
  languageMarkers: ['the', 'is', 'my', 'where', 'when', 'what', 'whats', 'you', 'your', 'it', 'to', 'of', 'and', 'can', 'please', 'hi', 'hello', 'thanks', 'has', 'have', 'yet', 'with', 'for', 'how', 'do', 'does', 'get', 'want', 'been', 'still', 'any', 'until', 'about', 'there', 'this', 'i'],
  orderNouns: ['order', 'package', 'parcel', 'packet', 'shipment', 'delivery', 'purchase', '=stuff', '=things'],
  statusCues: ['where', '=wher', '=whats', 'when', 'status', 'arriv', 'shipped', 'dispatch', '=sent', '=eta', '=yet', '=still', 'waiting', 'track', 'on its way', 'on the way', 'on my way', 'how long', 'any news', 'any update', 'update on', 'news on', 'get here', '=come', '=comes', '=coming', '=came', 'receiv', 'delivered', 'expected', 'check on', 'check my', 'look up', 'out for delivery', 'go out', 'went out', '=ships', 'nothing yet', '=left', 'warehouse'],
  standaloneStatusCues: ['track', '=eta', 'order status', 'where s my order', 'where is my order'],
  otherTopicCues: ['chang', 'cancel', 'return', 'refund', 'exchang', 'modif', '=edit', '=add', 'remov', '*address', 'damag', 'broken', 'wrong', 'invoice', 'receipt', 'discount', 'coupon', 'promo', 'price', '=size', '=store', '=shop', 'opening', '=hours', 'history', '=account', 'place an order', 'how do i order', 'says delivered', 'shows delivered', 'marked as delivered', 'delivered but', 'ship to', 'missing', '=incomplete', 'restock', 'back in stock', 'in stock', 'like to order', 'want to order', 'order another', 'order more', 'order two', 'reorder', 'size guide', 'size chart', 'policy', 'waterproof', 'where can i', 'where do i', 'where should i', 'review', '=rate', '=pay', 'paypal', 'payment'],
  gratitudeCues: ['thank', '=thx', '=cheers'],
  negationCues: ['=not', '=never', '=no', '=nothing', 'haven t', 'hasn t', 'didn t', 'isn t', '=havent', '=hasnt', '=didnt', '=isnt'],
  humanNouns: ['human', 'person', 'someone', 'somebody', 'agent', 'representative', '=rep', 'operator', '=staff', '=people', 'manager', 'supervisor', '=actual', 'support staff', 'customer service'],
  humanVerbs: ['talk', 'speak', '=chat', 'connect', 'transfer', 'get me', 'put me through', 'call me', '=need', 'help me', 'in charge'],
  standaloneHumanCues: ['real person', 'human please', 'call me back', 'callback', 'live agent', 'don t want ~ bot', 'dont want ~ bot', '=no bot', 'not a bot', 'actual person', 'is there ~ person', 'is there ~ human'],
  humanNarrativeCues: ['talked', 'spoke', 'spoken', 'was rude', 'was very', 'yesterday', 'earlier', 'already'],
  orderNumberKeywords: ['order', '=ordr', '=oder'],
  orderNumberFillers: ['no', 'nr', 'number', 'num', 'id', 'is', 'ref'],
};
