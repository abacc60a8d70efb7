/**
 * The throughline command line: service-metrics reports with HTML charts, peak-season volume forecasts and Erlang staffing plans from a Throughline store or a JSONL export.
 * @module @throughline/cli
 */
export * from '../../packages/cli/src/index';
