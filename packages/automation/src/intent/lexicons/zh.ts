import type { IntentLexicon } from '../intent-lexicon';

/** Chinese cues (simplified, with common traditional forms). */
export const chineseLexicon: IntentLexicon = {
  language: 'zh',
  languageMarkers: ['我', '的', '吗', '了', '你', '是', '在', '么', '嗎', '們'],
  orderNouns: ['订单', '訂單', '包裹', '快递', '快遞', '货', '貨', '运单', '東西', '东西', '下的单', '下单了', '下了单'],
  statusCues: ['在哪', '哪里', '哪裡', '什么时候', '什麼時候', '何时', '多久', '到了吗', '到哪', '发货', '發貨', '状态', '狀態', '进度', '還沒', '还没', '没收到', '送达', '在路上', '到货', '物流', '有消息', '还在等', '等我的', '等了', '发出', '發出', '寄出', '预计', '進度'],
  supportingStatusCues: ['查', '收到', '情况', '情況'],
  standaloneStatusCues: ['物流单号', '快递单号', '运单号', '查物流', '查一下物流', '物流信息', '追踪', '追蹤'],
  otherTopicCues: [
    // cancelling, changing, adding or removing
    '取消', '不要了', '撤单', '退单', '修改', '更改', '改地址', '改一下', '地址', '加购',
    // returns, exchanges, refunds, money
    '退货', '退貨', '退回', '寄回', '退换', '换货', '換貨', '退款', '退钱', '退錢', '钱退', '把钱',
    // damaged, faulty, wrong or missing items
    '坏', '壞', '破损', '损坏', '碎了', '裂', '划痕', '瑕疵', '质量', '不能用', '用不了', '不对', '错了', '错的', '发错', '弄错', '錯了', '發錯', '少了', '缺了', '缺少', '漏发',
    // delivered but not received
    '已签收', '已簽收', '显示签收', '显示送达', '显示已送达', '邻居', '被偷',
    // payment, confirmation, invoices
    '付款', '支付', '扣款', '扣钱', '发票', '發票', '收据', '确认订单', '订单确认', '确认了吗', '确认邮件', '信用卡',
    // prices, discounts, gift cards
    '优惠', '優惠', '折扣', '打折', '券', '价格', '價格', '降价', '满减', '积分',
    // the store
    '门店', '門店', '實體店', '实体店', '营业', '營業', '开门', '关门', '店面', '线下店', '专卖店',
    // products, stock and new orders
    '尺码', '尺寸', '颜色', '有货', '缺货', '补货', '補貨', '库存', '怎么下单', '再下', '尺码表',
    // policies, accounts, reviews and complaints
    '运费', '包邮', '邮费', '账号', '账户', '密码', '登录', '退订', '评价', '评论', '評價', '投诉', '差评', '回复',
    // where to do something, not where the order is
    '在哪里给', '在哪里可以', '在哪儿可以',
  ],
  arrivalCues: ['收到了', '已收到', '签收', '簽收', '送达了', '已送达', '到货了', '送到了'],
  contrastCues: ['但', '可是', '却', '不过'],
  gratitudeCues: ['谢谢', '謝謝', '多谢'],
  negationCues: ['没', '沒', '不', '未'],
  humanNouns: ['客服', '人工', '真人'],
  humanVerbs: ['找', '联系', '聯繫', '接', '转', '轉', '需要', '帮忙'],
  standaloneHumanCues: ['转人工', '轉人工', '人工客服', '人工服务', '真人', '和人说话', '跟人说话', '打电话', '打電話', '不想跟机器人', '不想和机器人', '不要机器人', '回个电话', '回電話', '回电话'],
  humanNarrativeCues: ['那个客服', '態度', '态度', '昨天'],
  orderNumberKeywords: [],
  orderNumberFillers: [],
};
