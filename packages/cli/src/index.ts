export { type CliIo, processIo } from './cli-io';
export { CliUsageError } from './cli-usage-error';
export { type EventSource, fromStore, openEventSource, openJsonlEvents } from './node/event-source';
export { htmlReport } from './html-report';
export { cliHelp, runCli } from './run-cli';
export { peakSeason } from './season-history';
export { type ChartSeries, svgChart } from './svg-chart';
