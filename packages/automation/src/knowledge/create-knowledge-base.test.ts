import { describe, expect, it } from 'vitest';
import { createKnowledgeBase, loadKnowledgeBase } from './create-knowledge-base';
import type { KnowledgeArticleInput } from './knowledge-article';

const articles: KnowledgeArticleInput[] = [
  { id: 'returns-en', title: 'Returning an item', body: 'You can return unworn items within 30 days. Print the return label from your account.', language: 'en', tags: ['returns'] },
  { id: 'shipping-en', title: 'Shipping times and costs', body: 'Standard shipping takes 2-4 working days in the EU. Express delivery arrives next day.', language: 'en', tags: ['shipping'] },
  { id: 'sizes-en', title: 'Size guide', body: 'Our jackets run small; choose one size up if you are between sizes.', language: 'en', tags: ['sizes'] },
  { id: 'fraud-en', title: 'Refund fraud checks', body: 'Internal: check the return label scan before approving a refund.', language: 'en', tags: ['returns'], visibility: 'internal' },
  { id: 'returns-de', title: 'Rücksendung eines Artikels', body: 'Ungetragene Artikel können innerhalb von 30 Tagen zurückgesendet werden.', language: 'de', tags: ['returns'] },
  { id: 'returns-zh', title: '退货政策', body: '未穿着的商品可在30天内退货，请在账户中打印退货标签。', language: 'zh', tags: ['returns'] },
];

describe('createKnowledgeBase', () => {
  const kb = createKnowledgeBase({ articles });

  it('ranks the article that answers the question first', () => {
    expect(kb.search('how do I return a jacket?', { language: 'en' })[0]?.article.id).toBe('returns-en');
    expect(kb.search('how long does shipping take', { language: 'en' })[0]?.article.id).toBe('shipping-en');
    expect(kb.search('which size should I pick', { language: 'en' })[0]?.article.id).toBe('sizes-en');
  });

  it('tolerates typos, folds diacritics and searches Chinese', () => {
    expect(kb.search('retrun label', { language: 'en', audience: 'customer' })[0]?.article.id).toBe('returns-en');
    expect(kb.search('rucksendung', { language: 'de' })[0]?.article.id).toBe('returns-de');
    expect(kb.search('我想退货', { language: 'zh' })[0]?.article.id).toBe('returns-zh');
  });

  it('shows internal articles to agents only', () => {
    const forAgents = kb.search('refund return label', { language: 'en', audience: 'agent' }).map((hit) => hit.article.id);
    const forCustomers = kb.search('refund return label', { language: 'en', audience: 'customer' }).map((hit) => hit.article.id);
    expect(forAgents).toContain('fraud-en');
    expect(forCustomers).not.toContain('fraud-en');
  });

  it('filters by tag', () => {
    expect(kb.search('days', { tags: ['shipping'] }).map((hit) => hit.article.id)).toEqual(['shipping-en']);
  });

  it('suggests self-service only when the article covers the question, and always something for the agent', () => {
    const good = kb.suggest({ text: 'Can I return the jacket? What about the label?', language: 'en' });
    expect(good.selfService[0]?.article.id).toBe('returns-en');
    const weak = kb.suggest({ text: 'my parcel was wet and the neighbour was rude about returns', language: 'en' });
    expect(weak.selfService).toEqual([]);
    expect(weak.forAgent.length).toBeGreaterThan(0);
  });

  it('falls back to the default language when the customer language has no articles', () => {
    expect(kb.suggest({ text: 'return label', language: 'fi' }).forAgent[0]?.article.language).toBe('en');
  });

  it('updates and removes articles from the index', () => {
    const own = createKnowledgeBase({ articles });
    own.upsert({ id: 'sizes-en', title: 'Gift cards', body: 'Gift cards never expire.', language: 'en' });
    expect(own.search('size guide jackets', { language: 'en' }).map((hit) => hit.article.id)).not.toContain('sizes-en');
    expect(own.search('gift cards', { language: 'en' })[0]?.article.id).toBe('sizes-en');
    expect(own.remove('sizes-en')).toBe(true);
    expect(own.search('gift cards', { language: 'en' })).toEqual([]);
    expect(own.remove('sizes-en')).toBe(false);
  });

  it('saves and loads articles as JSON', () => {
    const restored = loadKnowledgeBase(kb.toJSON());
    expect(restored.list()).toEqual(kb.list());
    expect(restored.search('return', { language: 'en' })[0]?.article.id).toBe('returns-en');
    expect(() => loadKnowledgeBase('[{"id":""}]')).toThrow(/malformed/);
  });
});
