/**
 * One series of a chart.
 */
export interface ChartSeries {
  /** Legend label. */
  label: string;
  /** Values in the order of the chart's labels (NaN leaves a gap). */
  values: readonly number[];
  /** CSS colour. */
  color: string;
}

/**
 * Escapes text for use inside XML or HTML content and attributes.
 * @param text - raw text
 * @returns the escaped text
 * @example
 * escapeXml('<b>'); // '&lt;b&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/**
 * Draws a bar or line chart as a standalone inline SVG (no scripts, no external resources).
 * @param options - title, x labels, series, kind and size
 * @returns the SVG markup
 * @example
 * svgChart({ title: 'Contacts per hour', labels: ['09', '10'], series: [{ label: 'contacts', values: [4, 9], color: '#2563eb' }], kind: 'bar' });
 */
export function svgChart(options: {
  title: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  kind: 'bar' | 'line';
  width?: number;
  height?: number;
  valueFormat?: (value: number) => string;
}): string {
  const width = options.width ?? 760;
  const height = options.height ?? 240;
  const left = 56;
  const right = 12;
  const top = 30;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const format = options.valueFormat ?? ((value: number) => String(Math.round(value * 100) / 100));
  const all = options.series.flatMap((series) => series.values.filter(Number.isFinite));
  const max = niceMax(Math.max(0, ...all));
  const count = Math.max(1, options.labels.length);
  const slot = plotWidth / count;
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}">`,
    `<text x="${left}" y="18" font-size="13" font-weight="600">${escapeXml(options.title)}</text>`,
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (max * tick) / 4;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="#e5e7eb"/>`,
      `<text x="${left - 6}" y="${(y(value) + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="#6b7280">${escapeXml(format(value))}</text>`,
    );
  }
  const labelEvery = Math.max(1, Math.ceil(count / 12));
  options.labels.forEach((label, index) => {
    if (index % labelEvery !== 0) return;
    parts.push(`<text x="${(left + slot * (index + 0.5)).toFixed(1)}" y="${height - bottom + 14}" font-size="10" text-anchor="middle" fill="#6b7280">${escapeXml(label)}</text>`);
  });
  const seriesCount = options.series.length;
  options.series.forEach((series, seriesIndex) => {
    if (options.kind === 'bar') {
      const barWidth = (slot * 0.8) / seriesCount;
      series.values.forEach((value, index) => {
        if (!Number.isFinite(value)) return;
        const x = left + slot * index + slot * 0.1 + barWidth * seriesIndex;
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${Math.max(0.5, barWidth).toFixed(1)}" height="${(top + plotHeight - y(value)).toFixed(1)}" fill="${series.color}"><title>${escapeXml(`${options.labels[index] ?? ''} ${series.label}: ${format(value)}`)}</title></rect>`,
        );
      });
    } else {
      let path = '';
      series.values.forEach((value, index) => {
        if (!Number.isFinite(value)) return;
        path += `${path === '' ? 'M' : 'L'}${(left + slot * (index + 0.5)).toFixed(1)},${y(value).toFixed(1)}`;
      });
      if (path !== '') parts.push(`<path d="${path}" fill="none" stroke="${series.color}" stroke-width="2"/>`);
    }
    const legendX = width - right - 150 * (seriesCount - seriesIndex);
    parts.push(
      `<rect x="${legendX}" y="9" width="10" height="10" fill="${series.color}"/>`,
      `<text x="${legendX + 14}" y="18" font-size="11">${escapeXml(series.label)}</text>`,
    );
  });
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#9ca3af"/>`, '</svg>');
  return parts.join('');
}

