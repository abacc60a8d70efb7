export { type AnalysedMessage, analyseMessage, foldText } from './intent/analyse-message';
export { type CompiledCue, type CueSource, compileCue, type Typos } from './intent/cue-pattern';
export {
  createRuleIntentRecogniser,
  type IntentEvidence,
  type RuleIntentRecogniser,
  type RuleIntentRecogniserOptions,
} from './intent/create-rule-intent-recogniser';
export {
  evaluateIntentRecogniser,
  type IntentEvaluation,
  type IntentScore,
  type LabelledMessage,
  type RecognitionMistake,
} from './intent/evaluate-intent-recogniser';
export type { IntentLexicon } from './intent/intent-lexicon';
export type { IntentName, IntentRecogniser, RecognisedIntent, RecognitionContext } from './intent/intent-recogniser';
export { defaultLexicons } from './intent/lexicons/index';
export { type LabelledFixtureMessage, parseLabelledMessages } from './intent/load-labelled-messages';
export { type SupportLanguage, supportLanguages, toSupportLanguage } from './intent/support-language';
export { createOrderStatusAnswerer, type OrderStatusAnswerer, type OrderStatusAnswererOptions, type OrderStatusQuestion } from './answer/create-order-status-answerer';
export {
  defaultOrderStatusTemplates,
  type OrderStatusTemplateKey,
  type OrderStatusTemplateSet,
  orderStatusTemplateKeys,
} from './answer/default-order-status-templates';
export type { OrderFacts } from './answer/order-facts';
export type { HandoffDetail, HandoffReason, OrderStatusDecision } from './answer/order-status-answer';
export { renderTemplate, type TemplateValues } from './answer/render-template';
export { sanitiseTrackingText, sanitiseTrackingUrl } from './answer/sanitise-tracking';
export {
  createKnowledgeBase,
  type KnowledgeAudience,
  type KnowledgeBase,
  type KnowledgeBaseOptions,
  type KnowledgeHit,
  type KnowledgeSearchOptions,
  type KnowledgeSuggestions,
  loadKnowledgeBase,
} from './knowledge/create-knowledge-base';
export { type KnowledgeArticle, type KnowledgeArticleInput, knowledgeArticleSchema } from './knowledge/knowledge-article';
export type {
  AutomatedReply,
  AutomationCustomer,
  AutomationEvent,
  AutomationEventSink,
  CustomerDirectory,
  Handoff,
  HumanQueue,
  OrderLookup,
  ReplyOutcome,
  ReplySender,
  TranscriptEntry,
} from './runtime/automation-ports';
export { type Automation, type AutomationOptions, type AutomationOutcome, createAutomation } from './runtime/create-automation';
export { createPerCustomerRateLimit, type PerCustomerRateLimit, type RateLimitOptions } from './runtime/per-customer-rate-limit';
export * from './throughline/index';
