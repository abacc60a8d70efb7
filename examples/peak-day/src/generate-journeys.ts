/**
 * How shoppers get in touch on the day and how the team answers: web forms answered in Zendesk,
 * chasers who add a WhatsApp and a call while they wait, WhatsApp questions answered from
 * Throughline (after an order lookup), callers who are answered, give up or leave a voicemail.
 */
import { twilioSid } from '@throughline/twilio/testing';
import type { FakeZendeskTicket, FakeZendeskUser } from '@throughline/zendesk/testing';
import { agentHours, contactShape, loadFactor, phoneHours } from './black-friday-shape';
import { instantInShapedHour } from './generate-people';
import type { Journey, PlannedEffect, PlannedEvent, PlannedPerson, ZendeskEventSpec } from './peak-day-plan';
import type { SeededRandom } from './seeded-random';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Zendesk agents who answer tickets (ids of staff users). */
const zendeskAgents = [
  { id: 360001, name: 'Maya (Support)' },
  { id: 360002, name: 'Luis (Support)' },
  { id: 360003, name: 'Aiko (Overflow team)' },
  { id: 360004, name: 'Tom (Overflow team)' },
];

function whole(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Context shared by the journey planners. */
export interface JourneyContext {
  random: SeededRandom;
  dayStart: number;
}

function localHour(context: JourneyContext, at: number): number {
  return Math.floor((at - context.dayStart) / HOUR);
}

/**
 * When an agent gets to a contact that became ready at `readyAt`: nobody works before 06:00, and
 * waits grow with the hour's load.
 */
function agentReplyAt(context: JourneyContext, readyAt: number, kind: 'web' | 'messaging'): number {
  let start = readyAt;
  const hour = localHour(context, start);
  if (hour < agentHours.opens) start = context.dayStart + agentHours.opens * HOUR + context.random.next() * 20 * MINUTE;
  const load = Math.min(4, loadFactor(Math.min(23, Math.max(agentHours.opens, localHour(context, start)))));
  const median = kind === 'web' ? 70 * MINUTE : 9 * MINUTE;
  const delay = context.random.logNormal(median * load ** 1.4, 0.75);
  return whole(start + Math.max(2 * MINUTE, delay));
}

/** Picks the journey of a person who gets in touch. */
export function pickJourney(random: SeededRandom, person: PlannedPerson): Journey {
  if (person.shape === 'household-member') return 'web';
  if (person.shape === 'phone-first') return 'whatsapp-then-web';
  return (['web', 'web-then-whatsapp-then-call', 'whatsapp', 'call'] as const)[random.weighted([0.4, 0.15, 0.25, 0.2])]!;
}

/** The chance that a person gets in touch on the day, from their order's story. */
export function contactChance(person: PlannedPerson): number {
  if (person.order.cancelledAt) return 0.5;
  if (person.orderedOnPeakDay) return 0.1;
  if (person.shipmentDelayed) return 0.75;
  const delivered = person.order.fulfillments.some((fulfillment) => fulfillment.shipmentStatus === 'delivered');
  return delivered ? 0.08 : 0.35;
}

/**
 * When the person first gets in touch: by the day's contact shape, but not before they have a
 * reason (half an hour after ordering, ten minutes after a delay notice).
 * @returns the instant, or null when the day leaves no time
 */
export function firstContactAt(context: JourneyContext, notBefore: number): number | null {
  for (let attempt = 0; attempt < 24; attempt++) {
    const at = instantInShapedHour(context.random, context.dayStart, contactShape);
    if (at >= notBefore) return at;
  }
  const fallback = whole(notBefore + context.random.next() * 2 * HOUR);
  return fallback < context.dayStart + 24 * HOUR ? fallback : null;
}

/** Plans everything that follows one person's first contact. */
export class JourneyPlanner {
  private sequence = 0;
  readonly events: PlannedEvent[] = [];

  constructor(
    private readonly context: JourneyContext,
    private readonly person: PlannedPerson,
  ) {}

  private sid(prefix: string): string {
    return twilioSid(prefix, this.person.index * 64 + ++this.sequence);
  }

  private push(at: number, spec: PlannedEvent['spec'], effects: PlannedEffect[] = []): void {
    this.events.push({ at: whole(at), person: this.person.index, spec, effects });
  }

  private get orderName(): string {
    return this.person.order.name;
  }

  /** Plans the person's journey from `start`. */
  plan(journey: Journey, start: number): void {
    switch (journey) {
      case 'web':
        this.webForm(start, { chase: false });
        break;
      case 'web-then-whatsapp-then-call':
        this.webForm(start, { chase: true });
        break;
      case 'whatsapp':
        this.whatsApp(start);
        break;
      case 'whatsapp-then-web': {
        this.whatsAppMessage(start, `Hi, where is my order ${this.orderName}? I have not heard anything.`);
        this.webForm(start + (20 + this.context.random.next() * 70) * MINUTE, { chase: false });
        break;
      }
      case 'call':
        this.caller(start);
        break;
      case 'none':
        break;
    }
  }

  private zendeskUser(): FakeZendeskUser {
    const person = this.person;
    // The phone on the Zendesk profile links the web form to the WhatsApp number (phone-first
    // people) or repeats what Shopify knows; household members keep the shared phone off it.
    const phone = person.shape === 'phone-first' || (person.shape === 'linked' && person.index % 2 === 0) ? person.phone : null;
    const created = iso(this.context.dayStart - 400 * 24 * HOUR);
    return {
      id: 90_000_000 + person.index,
      name: person.name,
      email: person.email,
      phone,
      role: 'end-user',
      identities: [],
      created_at: created,
      updated_at: created,
    };
  }

  /** A web-form ticket answered in Zendesk: reply, maybe a follow-up, solve, maybe a CSAT answer. */
  private webForm(openedAt: number, options: { chase: boolean }): void {
    const { random } = this.context;
    const person = this.person;
    const requester = this.zendeskUser();
    const ticketId = 40_000 + person.index;
    const thread = `zendesk:ticket:${ticketId}`;
    const priority = (['normal', 'high', 'urgent', 'low'] as const)[random.weighted([0.7, 0.18, 0.04, 0.08])]!;
    const ticket: FakeZendeskTicket = {
      id: ticketId,
      subject: person.shipmentDelayed ? `Order ${this.orderName} delayed?` : `Question about order ${this.orderName}`,
      description: `Where is my order ${this.orderName}?`,
      status: 'new',
      custom_status_id: null,
      priority,
      requester_id: requester.id,
      submitter_id: requester.id,
      assignee_id: null,
      group_id: 20001,
      tags: person.orderedOnPeakDay ? ['black-friday', 'web-form'] : ['wismo', 'web-form'],
      via: { channel: 'web' },
      external_id: null,
      created_at: iso(whole(openedAt)),
      updated_at: iso(whole(openedAt)),
    };
    let invocation = 0;
    const emit = (at: number, trigger: ZendeskEventSpec['trigger'], change: Partial<FakeZendeskTicket>, values: Record<string, string>, effects: PlannedEffect[]) => {
      Object.assign(ticket, change, { updated_at: iso(whole(at)) });
      this.push(at, { source: 'zendesk', trigger, ticket: { ...ticket, tags: [...ticket.tags], via: { ...ticket.via } }, requester, values, invocationId: `inv-${ticketId}-${++invocation}` }, effects);
    };
    let commentSequence = 0;
    const comment = (at: number, author: { id: number; name: string }, body: string, effects: PlannedEffect[]) =>
      emit(at, 'ticket.comment_added', {}, {
        'ticket.latest_comment.id': String(7_000_000_000 + ticketId * 16 + ++commentSequence),
        'ticket.latest_comment.value': body,
        'ticket.latest_comment.is_public': 'true',
        'ticket.latest_comment.author.id': String(author.id),
        'ticket.latest_comment.author.name': author.name,
      }, effects);

    emit(openedAt, 'ticket.created', {}, {}, [{ kind: 'inbound', channel: 'web', thread }]);
    let replyAt = agentReplyAt(this.context, openedAt + MINUTE, 'web');
    if (options.chase) {
      // Nobody answered the form yet: the customer tries WhatsApp, then the phone.
      const whatsAppAt = whole(openedAt + (25 + random.next() * 45) * MINUTE);
      if (whatsAppAt < replyAt - MINUTE) {
        this.whatsAppMessage(whatsAppAt, `I filled in your form about ${this.orderName} an hour ago. Any news?`);
        const callAt = whole(whatsAppAt + (20 + random.next() * 40) * MINUTE);
        if (callAt < replyAt - MINUTE) {
          const call = this.call(callAt);
          replyAt = Math.max(replyAt, call.endsAt + MINUTE);
        }
      }
    }
    const agent = random.pick(zendeskAgents);
    comment(replyAt, agent, `Hi ${person.name.split(' ')[0]}, thanks for waiting. ${person.shipmentDelayed ? 'The carrier reports a delay; the new estimate is on your tracking page.' : 'Your order is on its way; tracking follows by email.'}`, [{ kind: 'agent-reply' }]);
    emit(replyAt + SECOND, 'ticket.status_changed', { status: 'pending', assignee_id: agent.id }, {}, []);
    let lastReply = replyAt;
    if (random.chance(0.3)) {
      const followUp = whole(replyAt + Math.max(5 * MINUTE, random.exponential(40 * MINUTE)));
      comment(followUp, { id: requester.id, name: requester.name }, 'Thanks, but the tracking page has not changed since Tuesday. Can you check?', [{ kind: 'inbound', channel: 'web', thread }]);
      emit(followUp + SECOND, 'ticket.status_changed', { status: 'open' }, {}, []);
      lastReply = agentReplyAt(this.context, followUp + MINUTE, 'web');
      comment(lastReply, agent, 'I have opened a trace with the carrier and will update you as soon as they answer.', [{ kind: 'agent-reply' }]);
      emit(lastReply + SECOND, 'ticket.status_changed', { status: 'pending' }, {}, []);
    }
    const solvedAt = whole(lastReply + Math.max(5 * MINUTE, random.logNormal(30 * MINUTE, 0.6)));
    emit(solvedAt, 'ticket.status_changed', { status: 'solved' }, {}, [{ kind: 'solve' }]);
    if (random.chance(0.45)) {
      const good = random.chance(0.78);
      emit(
        solvedAt + Math.max(5 * MINUTE, random.exponential(60 * MINUTE)),
        'ticket.satisfaction_rated',
        {},
        { 'satisfaction.current_rating': good ? "Good, I'm satisfied" : "Bad, I'm unsatisfied", 'satisfaction.current_comment': good ? 'Quick and friendly.' : 'Too slow.' },
        [{ kind: 'csat', score: good ? 5 : 1 }],
      );
    }
  }

  private whatsAppMessage(at: number, body: string): void {
    this.push(at, { source: 'twilio', kind: 'whatsapp', messageSid: this.sid('SM'), from: this.person.phone, body, profileName: this.person.name.split(' ')[0]! }, [
      { kind: 'inbound', channel: 'whatsapp', thread: null },
    ]);
  }

  /** A WhatsApp question answered from Throughline after looking the order up in Shopify. */
  private whatsApp(start: number): void {
    const { random } = this.context;
    this.whatsAppMessage(start, `Hi! Where is my order ${this.orderName}?`);
    let replyAt = agentReplyAt(this.context, start + MINUTE, 'messaging');
    if (replyAt - start > 25 * MINUTE && random.chance(0.5)) {
      const call = this.call(whole(start + (12 + random.next() * 10) * MINUTE));
      replyAt = Math.max(replyAt, call.endsAt + MINUTE);
    }
    this.push(replyAt, { source: 'agent', kind: 'reply', channel: 'whatsapp', body: '', orderNumber: String(this.person.order.number) }, [{ kind: 'agent-reply' }]);
    let last = replyAt;
    if (random.chance(0.4)) {
      const followUp = whole(replyAt + Math.max(2 * MINUTE, random.exponential(15 * MINUTE)));
      this.whatsAppMessage(followUp, 'Thanks! Will it still arrive before the weekend?');
      last = agentReplyAt(this.context, followUp + MINUTE, 'messaging');
      this.push(last, { source: 'agent', kind: 'reply', channel: 'whatsapp', body: 'It should: the carrier still shows delivery within two working days.', orderNumber: null }, [{ kind: 'agent-reply' }]);
    }
    this.push(last + Math.max(5 * MINUTE, random.logNormal(20 * MINUTE, 0.5)), { source: 'agent', kind: 'solve' }, [{ kind: 'solve' }]);
  }

  /**
   * One call: before or after phone hours straight to voicemail; otherwise a wait in the queue
   * that ends bridged to an agent, in a hang-up (abandoned) or in a voicemail.
   */
  private call(at: number): { outcome: 'answered' | 'abandoned' | 'voicemail'; endsAt: number } {
    const { random } = this.context;
    const callSid = this.sid('CA');
    const from = this.person.phone;
    const thread = `twilio:call:${callSid}`;
    this.push(at, { source: 'twilio', kind: 'incoming-call', callSid, from, callerName: this.person.name }, [{ kind: 'inbound', channel: 'voice', thread }]);
    const hour = localHour(this.context, at);
    const voicemail = (leftAt: number) => {
      const duration = 15 + random.integer(0, 60);
      const recordedAt = whole(leftAt + (duration + 2) * SECOND);
      this.push(recordedAt, { source: 'twilio', kind: 'voicemail', callSid, from, recordingSid: this.sid('RE'), durationSeconds: duration }, [
        { kind: 'voicemail' },
        { kind: 'inbound', channel: 'voice', thread },
      ]);
      return { outcome: 'voicemail' as const, endsAt: recordedAt };
    };
    if (hour < phoneHours.opens || hour >= phoneHours.closes) return voicemail(at + 20 * SECOND);
    const load = Math.min(4, loadFactor(hour));
    const wait = Math.max(5, Math.round(random.exponential(50 * load ** 2.2)));
    const patience = Math.round(10 + random.exponential(160));
    if (wait <= patience) {
      const answeredAt = at + wait * SECOND;
      const talk = Math.round(random.logNormal(240, 0.5));
      const endsAt = whole(answeredAt + talk * SECOND);
      this.push(endsAt, { source: 'twilio', kind: 'call-completed', callSid, from, sequenceNumber: 3, durationSeconds: wait + talk }, []);
      // As Twilio does: a bridged caller's <Enqueue> action comes once both parties have hung up.
      this.push(endsAt, { source: 'twilio', kind: 'queue-result', callSid, from, queueResult: 'bridged', queueSeconds: wait, callStartedAt: at }, [{ kind: 'call-answered', waitSeconds: wait, answeredAt }]);
      return { outcome: 'answered', endsAt };
    }
    const gaveUpAt = at + patience * SECOND;
    if (random.chance(0.75)) {
      this.push(gaveUpAt, { source: 'twilio', kind: 'queue-result', callSid, from, queueResult: 'hangup', queueSeconds: patience, callStartedAt: at }, [{ kind: 'call-abandoned', waitSeconds: patience }]);
      return { outcome: 'abandoned', endsAt: whole(gaveUpAt) };
    }
    this.push(gaveUpAt, { source: 'twilio', kind: 'queue-result', callSid, from, queueResult: 'leave', queueSeconds: patience, callStartedAt: at }, []);
    return voicemail(gaveUpAt + SECOND);
  }

  /** A caller: answered and wrapped up, or calling back after giving up, or answered by SMS after a voicemail. */
  private caller(start: number): void {
    const { random } = this.context;
    let call = this.call(start);
    if (call.outcome === 'abandoned' && random.chance(0.6)) call = this.call(whole(call.endsAt + (10 + random.next() * 30) * MINUTE));
    let last = call.endsAt;
    if (call.outcome !== 'answered') {
      last = agentReplyAt(this.context, call.endsAt + MINUTE, 'messaging');
      const body = call.outcome === 'voicemail' ? 'We got your voicemail about your order and are on it: tracking follows here.' : 'Sorry we missed your call! Your order is with the carrier; tracking follows here.';
      this.push(last, { source: 'agent', kind: 'reply', channel: 'sms', body, orderNumber: null }, [{ kind: 'agent-reply' }]);
    }
    this.push(last + Math.max(2 * MINUTE, random.logNormal(10 * MINUTE, 0.5)), { source: 'agent', kind: 'solve' }, [{ kind: 'solve' }]);
  }
}
