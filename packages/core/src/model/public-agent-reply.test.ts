import { describe, expect, it } from 'vitest';
import { isPublicAgentReply } from './public-agent-reply';

describe('isPublicAgentReply', () => {
  it('counts an agent message and a call the shop picked up, nothing automated and nothing the customer did', () => {
    expect(isPublicAgentReply('message.sent', 'agent')).toBe(true);
    expect(isPublicAgentReply('call.answered', 'agent')).toBe(true);
    expect(isPublicAgentReply('call.answered', 'system')).toBe(true);
    for (const actor of ['bot', 'system', 'customer'] as const) expect(isPublicAgentReply('message.sent', actor)).toBe(false);
    for (const actor of ['bot', 'customer'] as const) expect(isPublicAgentReply('call.answered', actor)).toBe(false);
    expect(isPublicAgentReply('note.added', 'agent')).toBe(false);
    expect(isPublicAgentReply('message.received', 'agent')).toBe(false);
  });
});
