export {
  createInMemoryCustomerDirectory,
  createInMemoryHumanQueue,
  createInMemoryOrderLookup,
  createRecordingEventSink,
  createRecordingReplySender,
  type RecordedReply,
} from './in-memory-automation-ports';
