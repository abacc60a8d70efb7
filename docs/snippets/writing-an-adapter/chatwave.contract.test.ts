// #region contract
import { describeChannelAdapter } from '@throughline/core/testing';
import { setupServer } from 'msw/node';
import type { ChatwaveMessage } from './chatwave-api-types';
import { chatwaveHandlers, signChatwaveDelivery } from './chatwave-testing';
import { createChatwave } from './create-chatwave';

const secret = 'test-signing-secret';
const token = 'test-api-token';
const history: ChatwaveMessage[] = Array.from({ length: 250 }, (_, index) => ({
  id: `msg_${index}`,
  conversation_id: `conv_${Math.floor(index / 5)}`,
  created_at: new Date(Date.UTC(2026, 10, 1) + index * 60_000).toISOString(),
  author: index % 5 === 4 ? { role: 'operator', name: 'Sam' } : { role: 'visitor' },
  visitor: { email: `visitor${Math.floor(index / 5)}@example.com` },
  text: 'Hello',
}));
const api = setupServer(...chatwaveHandlers(history, { token, pageSize: 100 }));
const message = history[0]!;

describeChannelAdapter({
  name: 'chatwave',
  tenantId: 'acme',
  createAdapter: () => createChatwave({ signingSecrets: [secret], workspaces: { ws_42: 'acme' }, apiToken: token }),
  signedDelivery: () => signChatwaveDelivery({ secret, workspace: 'ws_42', body: { id: 'evt_1', type: 'message.created', message } }),
  tamperedDelivery: () => signChatwaveDelivery({ secret: 'wrong-secret', workspace: 'ws_42', body: { id: 'evt_1', type: 'message.created', message } }),
  malformedDelivery: () => signChatwaveDelivery({ secret, workspace: 'ws_42', body: '{"id": "evt_1", "type":' }),
  unknownTenantDelivery: () => signChatwaveDelivery({ secret, workspace: 'ws_other', body: { id: 'evt_1', type: 'message.created', message } }),
  backfill: {
    since: new Date('2026-11-01T00:00:00Z'),
    setup: () => {
      api.listen({ onUnhandledRequest: 'error' });
      return () => api.close();
    },
  },
});
// #endregion contract
