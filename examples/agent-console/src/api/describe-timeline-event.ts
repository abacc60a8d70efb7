import type { Money, TimelineEvent } from '@throughline/core';
import type { TimelineEntry } from './console-api-types';
import { channelName, metricName } from './display-names';
import { plainText, safeLink } from './plain-text';

function money(value: Money | null): string | null {
  return value ? `${value.amount} ${value.currency}` : null;
}

function seconds(value: number | null): string | null {
  if (value === null) return null;
  const whole = Math.round(value);
  return whole < 60 ? `${whole}s` : `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

function minutes(ms: number): string {
  const total = Math.round(ms / 60_000);
  return total < 120 ? `${total} min` : `${Math.round(total / 60)} h`;
}

function joined(...parts: Array<string | null | undefined | false>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' · ');
}

function describe(event: TimelineEvent): { title: string; detail: string; link: string | null } {
  const source = safeLink(event.source.url);
  switch (event.type) {
    case 'order.placed':
    case 'order.updated':
    case 'order.cancelled': {
      const { data } = event;
      const verb = event.type === 'order.placed' ? 'placed' : event.type === 'order.cancelled' ? 'cancelled' : 'updated';
      const items = `${data.itemCount} item${data.itemCount === 1 ? '' : 's'}`;
      return {
        title: `Order ${data.orderName} ${verb}`,
        detail: joined(items, money(data.total), data.financialStatus, data.fulfillmentStatus, data.cancelReason && `reason: ${data.cancelReason}`),
        link: safeLink(data.statusUrl) ?? source,
      };
    }
    case 'customer.updated':
      return { title: `Customer record ${event.data.change}`, detail: joined(event.source.system, event.data.tags.join(', ')), link: source };
    case 'order.refunded':
      return { title: `Refund on order ${event.data.orderName ?? event.data.orderId}`, detail: joined(money(event.data.amount), event.data.note), link: source };
    case 'fulfillment.updated': {
      const { data } = event;
      const eta = data.estimatedDeliveryAt && `expected ${data.estimatedDeliveryAt.slice(0, 10)}`;
      return {
        title: `Shipment of order ${data.orderName ?? data.orderId}: ${(data.shipmentStatus ?? data.status).replace(/_/g, ' ')}`,
        detail: joined(data.carrier, data.trackingNumbers.length > 0 && `tracking ${data.trackingNumbers.join(', ')}`, eta),
        link: safeLink(data.trackingUrls[0]) ?? source,
      };
    }
    case 'message.received':
      return {
        title: `${channelName(event.channel)} message received`,
        detail: joined(event.data.subject, event.data.body, event.data.media.length > 0 && `${event.data.media.length} attachment(s)`),
        link: source,
      };
    case 'message.sent':
      return {
        title: `${channelName(event.channel)} reply sent`,
        detail: joined(event.data.body, event.data.templateId && `template ${event.data.templateId}`),
        link: source,
      };
    case 'message.status':
      return { title: `Message ${event.data.status}`, detail: joined(event.data.errorCode && `error ${event.data.errorCode}`), link: null };
    case 'call.started':
      return { title: `${event.data.direction === 'inbound' ? 'Inbound' : 'Outbound'} call`, detail: joined(event.data.from && `from ${event.data.from}`), link: source };
    case 'call.answered':
      return { title: 'Call answered', detail: joined(event.data.waitSeconds !== null && `after ${seconds(event.data.waitSeconds)} in queue`), link: null };
    case 'call.ended':
      return { title: 'Call ended', detail: joined(`talked ${seconds(event.data.talkSeconds)}`), link: null };
    case 'call.missed':
      return {
        title: `Call missed (${event.data.reason})`,
        detail: joined(event.data.waitSeconds !== null && `waited ${seconds(event.data.waitSeconds)}`),
        link: null,
      };
    case 'voicemail.left':
      return { title: 'Voicemail left', detail: `${seconds(event.data.durationSeconds)} recording`, link: safeLink(event.data.recordingUrl) };
    case 'ticket.opened':
      return {
        title: `Ticket ${event.data.ticketId} opened${event.data.via ? ` via ${event.data.via}` : ''}`,
        detail: joined(event.data.subject, event.data.priority && `priority ${event.data.priority}`),
        link: source,
      };
    case 'ticket.status_changed':
      return { title: `Ticket ${event.data.ticketId} ${event.data.previousStatus ? `${event.data.previousStatus} → ` : ''}${event.data.status}`, detail: '', link: source };
    case 'ticket.assigned':
      return { title: `Ticket ${event.data.ticketId} assigned`, detail: joined(event.actor.name, event.data.groupId && `group ${event.data.groupId}`), link: source };
    case 'ticket.priority_changed':
      return { title: `Ticket ${event.data.ticketId} priority ${event.data.priority}`, detail: joined(event.data.previousPriority && `was ${event.data.previousPriority}`), link: source };
    case 'note.added':
      return { title: 'Internal note', detail: event.data.body, link: source };
    case 'survey.answered':
      return { title: `${event.data.kind.toUpperCase()} answered: ${event.data.score}`, detail: joined(event.data.comment), link: null };
    case 'identity.merged':
      return { title: `Customers merged (${event.data.kind.replace(/_/g, ' ')})`, detail: joined(event.data.sharedIdentityKey && `shared ${event.data.sharedIdentityKey}`), link: null };
    case 'identity.unmerged':
      return { title: 'Customer merge undone', detail: '', link: null };
    case 'case.status_changed':
      return { title: `Case ${event.data.status}`, detail: joined(event.data.priority && `priority ${event.data.priority}`), link: null };
    case 'case.merged':
      return { title: 'Cases merged', detail: `absorbed ${event.data.absorbedCaseId}`, link: null };
    case 'case.split':
      return { title: 'Case split', detail: `${event.data.eventIds.length} event(s) moved to ${event.data.newCaseId}`, link: null };
    case 'automation.handoff':
      return { title: `Handed to a person (${event.data.reason.replace(/_/g, ' ')})`, detail: joined(`queue ${event.data.queue}`, event.data.summary), link: null };
    case 'sla.applied':
    case 'sla.warning':
    case 'sla.breached':
    case 'sla.fulfilled': {
      const what = { 'sla.applied': 'started', 'sla.warning': 'warning', 'sla.breached': 'breached', 'sla.fulfilled': 'fulfilled' }[event.type];
      return {
        title: `SLA ${metricName(event.data.metric).toLowerCase()} ${what}`,
        detail: joined(`target ${minutes(event.data.targetMs)}${event.data.businessHours ? ' (business hours)' : ''}`, event.data.dueAt && `due ${new Date(event.data.dueAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`, `policy ${event.data.policyId}`),
        link: null,
      };
    }
  }
}

/**
 * Describes a timeline event for an agent: a title, a plain-text detail and a safe link.
 *
 * @param event - an event of the customer's timeline
 * @returns the entry the page shows (all text cleaned with `plainText`)
 * @example
 * ```ts
 * describeTimelineEvent(event).title; // "WhatsApp message received"
 * ```
 */
export function describeTimelineEvent(event: TimelineEvent): TimelineEntry {
  const { title, detail, link } = describe(event);
  return {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    channel: event.channel,
    system: plainText(event.source.system, 40),
    actor: event.actor.kind,
    actorName: event.actor.name ? plainText(event.actor.name, 120) : null,
    title: plainText(title, 300),
    detail: plainText(detail),
    link,
    caseId: event.caseId,
    repeatContact: event.repeatContact,
  };
}
