export { eraseEventPersonalData, eraseMergeIdentities, eraseProposalIdentity, personalValues } from './erase-personal-data';
export { createMemoryStore } from './memory-store';
export { eventPosition } from './sorted-event-index';
export type {
  DeadLetter,
  EntityVersion,
  SlaTimer,
  StoreReader,
  StoreTransaction,
  StoreWriter,
  SyncCheckpoint,
  TimelineQuery,
  TimelineStore,
} from './timeline-store';
