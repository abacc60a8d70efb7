import { type Channel, channelSchema, type TimelineEventType, timelineEventTypes } from '@throughline/core';
import { BadRequestError } from './console-api-error';

/**
 * Reads an integer query parameter within bounds.
 * @param params - the query
 * @param name - the parameter
 * @param bounds - smallest, largest and default value
 * @returns the value, or the default when absent
 * @throws {BadRequestError} when present but not an integer within bounds
 */
export function readInteger(params: URLSearchParams, name: string, bounds: { min: number; max: number; fallback: number }): number {
  const raw = params.get(name);
  if (raw === null || raw === '') return bounds.fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < bounds.min || value > bounds.max) {
    throw new BadRequestError(`"${name}" must be a whole number from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

function readList<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  const values = raw.split(',').map((value) => value.trim());
  const unknown = values.filter((value) => !(allowed as readonly string[]).includes(value));
  if (unknown.length > 0) throw new BadRequestError(`Unknown ${name}: ${unknown.slice(0, 5).join(', ')}`);
  return values as T[];
}

/**
 * Reads the `types` filter of a timeline request (`types=order.placed,message.received`).
 * @param params - the query
 * @returns the event types, or undefined for all
 * @throws {BadRequestError} on an unknown type
 */
export function readEventTypes(params: URLSearchParams): TimelineEventType[] | undefined {
  return readList(params, 'types', timelineEventTypes);
}

/**
 * Reads the `channels` filter of a timeline request (`channels=whatsapp,voice`).
 * @param params - the query
 * @returns the channels, or undefined for all
 * @throws {BadRequestError} on an unknown channel
 */
export function readChannels(params: URLSearchParams): Channel[] | undefined {
  return readList(params, 'channels', channelSchema.options);
}
