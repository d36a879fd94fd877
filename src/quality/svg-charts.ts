// Two small charts for docs/quality.md, drawn as SVG text: no plotting library for two line charts.

export interface Series {
  name: string;
  color: string;
  points: ReadonlyArray<{ x: number; y: number; n?: number }>;
}

const W = 420;
const H = 320;
const M = { left: 48, right: 12, top: 28, bottom: 44 };
const px = (x: number) => M.left + x * (W - M.left - M.right);
const py = (y: number) => H - M.bottom - y * (H - M.top - M.bottom);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function frame(title: string, xLabel: string, yLabel: string, body: string[], series: readonly Series[]): string {
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const grid = ticks.flatMap((t) => [
    `<line x1="${px(0)}" y1="${py(t)}" x2="${px(1)}" y2="${py(t)}" stroke="#ddd"/>`,
    `<line x1="${px(t)}" y1="${py(0)}" x2="${px(t)}" y2="${py(1)}" stroke="#eee"/>`,
    `<text x="${px(0) - 6}" y="${py(t) + 4}" text-anchor="end" font-size="11">${t.toFixed(1)}</text>`,
    `<text x="${px(t)}" y="${py(0) + 16}" text-anchor="middle" font-size="11">${t.toFixed(1)}</text>`,
  ]);
  const legend = series.map(
    (s, i) =>
      `<rect x="${px(0) + 8}" y="${M.top + 6 + i * 16}" width="10" height="10" fill="${s.color}"/><text x="${px(0) + 24}" y="${M.top + 15 + i * 16}" font-size="11">${escape(s.name)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="18" text-anchor="middle" font-size="13" font-weight="bold">${escape(title)}</text>`,
    ...grid,
    `<rect x="${px(0)}" y="${py(1)}" width="${px(1) - px(0)}" height="${py(0) - py(1)}" fill="none" stroke="#888"/>`,
    ...body,
    ...legend,
    `<text x="${W / 2}" y="${H - 8}" text-anchor="middle" font-size="12">${escape(xLabel)}</text>`,
    `<text x="14" y="${H / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${H / 2})">${escape(yLabel)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

const polyline = (s: Series) =>
  `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map((p) => `${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ')}"/>`;

/** Observed accuracy against mean confidence per band; dot area grows with the band's size. */
export function reliabilityDiagram(series: readonly Series[]): string {
  const body = [`<line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#999" stroke-dasharray="4 3"/>`];
  for (const s of series) {
    body.push(polyline(s));
    for (const p of s.points) body.push(`<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="${(2 + Math.sqrt(p.n ?? 1)).toFixed(1)}" fill="${s.color}" fill-opacity="0.6"/>`);
  }
  return frame('Reliability: confidence vs. right answers', 'confidence (mean of band)', 'share right', body, series);
}

/** Precision of answered questions against the share of in-scope questions answered, over all thresholds. */
export function precisionCoverageCurve(series: readonly Series[], marks: ReadonlyArray<{ color: string; x: number; y: number }> = []): string {
  const body = series.map(polyline);
  for (const m of marks) body.push(`<circle cx="${px(m.x).toFixed(1)}" cy="${py(m.y).toFixed(1)}" r="5" fill="none" stroke="${m.color}" stroke-width="2"/>`);
  return frame('Precision / coverage (ring: shipped threshold)', 'coverage: share of in-scope questions answered', 'precision: share answered right', body, series);
}
