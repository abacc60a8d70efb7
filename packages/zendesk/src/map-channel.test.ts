import { channelSchema } from '@throughline/core/adapter';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelFromVia } from './map-channel';
import { caseStatusFromZendesk, csatScoreFromZendesk, priorityFromZendesk } from './map-status';

describe('via channel mapping', () => {
  it.each([
    ['web', 'web'],
    ['web_form', 'web'],
    ['Web Form', 'web'],
    ['Web form', 'web'],
    ['WEB FORM', 'web'],
    ['Native messaging', 'chat'],
    ['Text', 'sms'],
    ['Rule', 'other'],
    ['Web service', 'other'],
    ['email', 'email'],
    ['mail', 'email'],
    ['Mail', 'email'],
    ['chat', 'chat'],
    ['native_messaging', 'chat'],
    ['mobile_sdk', 'chat'],
    ['sms', 'sms'],
    ['text_message', 'sms'],
    ['whatsapp', 'whatsapp'],
    ['WhatsApp', 'whatsapp'],
    ['voice', 'voice'],
    ['Phone call (incoming)', 'voice'],
    ['voicemail', 'voice'],
    ['twitter', 'social'],
    ['sunshine_conversations_facebook_messenger', 'social'],
    ['instagram_dm', 'social'],
    ['api', 'other'],
    ['rule', 'other'],
    ['web_service', 'other'],
    [4, 'email'],
    [29, 'chat'],
    [34, 'voice'],
    [8, 'other'],
    ['a_channel_from_next_year', 'other'],
    [null, 'other'],
  ] as const)('%s → %s', (via, channel) => {
    expect(channelFromVia(via)).toBe(channel);
  });

  it('never throws and always answers a unified channel, whatever Zendesk invents', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), (via) => {
        expect(channelSchema.safeParse(channelFromVia(via)).success).toBe(true);
      }),
    );
  });
});

describe('status, priority and satisfaction mapping', () => {
  it('reads statuses in any case, on-hold spelled either way, and refuses non-statuses', () => {
    expect(['NEW', 'Open', 'pending', 'On-hold', 'hold', 'SOLVED', 'closed'].map(caseStatusFromZendesk)).toEqual([
      'new',
      'open',
      'pending',
      'hold',
      'hold',
      'solved',
      'closed',
    ]);
    expect(caseStatusFromZendesk('deleted')).toBeNull();
    expect(caseStatusFromZendesk(3)).toBeNull();
  });

  it('reads priorities and treats "-" as none', () => {
    expect(['URGENT', 'High', 'normal', 'low', '-', ''].map(priorityFromZendesk)).toEqual(['urgent', 'high', 'normal', 'low', null, null]);
  });

  it('scores good as 5 and bad as 1, passes 1–5 through and ignores offers', () => {
    expect(['good', "Good, I'm satisfied", 'bad', 'Bad, I\'m unsatisfied', '4', 2, 'offered', 'unoffered', 9].map(csatScoreFromZendesk)).toEqual([
      5,
      5,
      1,
      1,
      4,
      2,
      null,
      null,
      null,
    ]);
  });
});
