import { assertInRange } from '../metrics-error';

/**
 * Deferred work (email, web-form tickets) that must be cleared within an SLA.
 */
export interface TicketWorkload {
  /** Tickets already waiting. */
  backlog: number;
  /** New tickets arriving per hour during the window. */
  arrivalsPerHour: number;
  /** Average agent handle time per ticket, in seconds. */
  averageHandleSeconds: number;
  /** The backlog must be cleared within this many seconds (e.g. the first-reply SLA). */
  withinSeconds: number;
  /** Share of logged-in time agents are productive on tickets (default 0.85). */
  productiveShare?: number;
}

/**
 * Agents required to clear a ticket backlog within the SLA while keeping up with arrivals.
 */
export interface TicketStaffingRequirement {
  /** Agents needed on tickets for the whole window. */
  agents: number;
  /** Agent-hours of handling work in the window (backlog + arrivals). */
  workloadHours: number;
  /** Agents that only keep pace with arrivals (the floor once the backlog is gone). */
  steadyStateAgents: number;
}

/**
 * Agents needed to clear a backlog within a window while new tickets keep arriving.
 *
 * Work in the window = (backlog + arrivals × window) × handle time; agents = ⌈work ÷
 * (window × productive share)⌉. Tickets are not real-time, so no queueing model is needed.
 * @param workload - backlog, arrival rate, handle time, window and productive share
 * @returns agents for the window, the workload in agent-hours, and the steady-state floor
 * @throws MetricsInputError when an input is out of range
 * @example
 * ticketAgentsRequired({ backlog: 600, arrivalsPerHour: 120, averageHandleSeconds: 360, withinSeconds: 4 * 3600 }); // agents: 32
 */
export function ticketAgentsRequired(workload: TicketWorkload): TicketStaffingRequirement {
  const productiveShare = workload.productiveShare ?? 0.85;
  assertInRange('backlog', workload.backlog, 0);
  assertInRange('arrivalsPerHour', workload.arrivalsPerHour, 0);
  assertInRange('averageHandleSeconds', workload.averageHandleSeconds, 0);
  assertInRange('withinSeconds', workload.withinSeconds, Number.MIN_VALUE);
  assertInRange('productiveShare', productiveShare, Number.MIN_VALUE, 1);
  const windowHours = workload.withinSeconds / 3600;
  const tickets = workload.backlog + workload.arrivalsPerHour * windowHours;
  const workloadHours = (tickets * workload.averageHandleSeconds) / 3600;
  const agents = Math.max(0, Math.ceil(workloadHours / (windowHours * productiveShare) - 1e-9));
  const steadyStateAgents = Math.max(0, Math.ceil((workload.arrivalsPerHour * workload.averageHandleSeconds) / 3600 / productiveShare - 1e-9));
  return { agents, workloadHours, steadyStateAgents };
}
