// Pure layout of the bar charts (no DOM, no Svelte): what BarChart.svelte draws, in pixels. Tested in
// layout.test.js.

/**
 * A scale from 0 to a round number at or above `max` (1, 2 or 5 times a power of ten a step, at least 1:
 * the charts count things), with about `count` steps.
 * @returns {{max: number, step: number, ticks: number[]}}
 */
export function niceScale(max, count = 4) {
  const top = Number.isFinite(max) && max > 0 ? max : 0;
  if (top === 0) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = top / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough));
  const steps = Math.ceil(top / step);
  const ticks = Array.from({ length: steps + 1 }, (_, i) => i * step);
  return { max: steps * step, step, ticks };
}

/** The largest value a chart shows: of the stacks' sums (stacked) or of the single values (grouped). */
export function chartMaximum(series, mode = 'grouped') {
  const length = Math.max(0, ...series.map((s) => s.values.length));
  let max = 0;
  for (let i = 0; i < length; i++) {
    const values = series.map((s) => Number(s.values[i]) || 0);
    max = Math.max(max, mode === 'stacked' ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values));
  }
  return max;
}

const round = (x) => Math.round(x * 10) / 10;

/**
 * Bars of `series` ([{key, values}], one value a category) over `count` categories in a box of width × height.
 * mode 'grouped' puts a category's bars side by side, 'stacked' on top of each other (in the series' order,
 * the first at the bottom). The axis labels need room: `charWidth` is the width of a digit, `labelWidth` that
 * of a category's label; where the labels would overlap only every n-th is shown (`labelEvery`).
 * @returns {{plot: {x: number, y: number, width: number, height: number}, scale: object,
 *   yTicks: {value: number, y: number}[], xLabels: {index: number, x: number}[], labelEvery: number,
 *   bars: {series: string, index: number, value: number, x: number, y: number, width: number, height: number}[]}}
 */
export function barLayout({ width, height, count, series, mode = 'grouped', ticks = 4, charWidth = 7, labelWidth = 40, atLeast = 0 }) {
  const scale = niceScale(Math.max(chartMaximum(series, mode), Number(atLeast) || 0), ticks);
  const digits = String(scale.max.toLocaleString('en')).length;
  const left = Math.ceil(digits * charWidth + 10);
  // on the right, room for half of the last category's label beyond the middle of its band
  const right = Math.max(4, Math.ceil(labelWidth / 2 - (width - left) / Math.max(1, count) / 2) + 2);
  const plot = { x: left, y: 8, width: Math.max(10, width - left - right), height: Math.max(10, height - 8 - 22) };
  const y = (value) => round(plot.y + plot.height - (value / scale.max) * plot.height);
  const yTicks = scale.ticks.map((value) => ({ value, y: y(value) }));
  const n = Math.max(1, count);
  const band = plot.width / n;
  const gap = Math.min(band * 0.25, 12);
  const inner = band - gap;
  const bars = [];
  const groups = mode === 'stacked' ? 1 : Math.max(1, series.length);
  const barWidth = inner / groups;
  for (let index = 0; index < count; index++) {
    const start = plot.x + index * band + gap / 2;
    let base = 0;
    series.forEach((s, k) => {
      const value = Number(s.values[index]) || 0;
      const top = mode === 'stacked' ? base + value : value;
      const bottom = mode === 'stacked' ? base : 0;
      base = top;
      if (value <= 0) return;
      bars.push({
        series: s.key,
        index,
        value,
        x: round(mode === 'stacked' ? start : start + k * barWidth),
        y: y(top),
        width: round(Math.max(1, barWidth - (groups > 1 ? 1 : 0))),
        height: round(y(bottom) - y(top)),
      });
    });
  }
  const labelEvery = Math.max(1, Math.ceil(labelWidth / band));
  const xLabels = [];
  for (let index = count - 1; index >= 0; index -= labelEvery) {
    xLabels.unshift({ index, x: round(plot.x + index * band + band / 2) });
  }
  return { plot, scale, yTicks, xLabels, labelEvery, bars };
}

/** "2017/2018" as the axis shows it: "17/18". */
export function shortAcademicYear(year) {
  const m = /^(\d{4})\/(\d{4})$/.exec(String(year ?? ''));
  return m ? `${m[1].slice(2)}/${m[2].slice(2)}` : String(year ?? '');
}

/**
 * The trends' answer (GET /partnerships/trends) as the charts' series: the years, the totals, and per region
 * and per agreement type (in the enumerations' order, those that are not 0 in every year) the active, new and
 * ended partnerships per year.
 */
export function trendSeries(answer, { regions = [], types = [] } = {}) {
  const years = (answer?.years ?? []).map((y) => y.academic_year);
  const column = (pick) => (answer?.years ?? []).map((y) => Number(pick(y)) || 0);
  const groups = (name, keys) =>
    keys
      .map((key) => ({
        key,
        active: column((y) => y[name]?.[key]?.active),
        new: column((y) => y[name]?.[key]?.new),
        ended: column((y) => y[name]?.[key]?.ended),
      }))
      .filter((g) => [...g.active, ...g.new, ...g.ended].some((v) => v > 0));
  return {
    years,
    active: column((y) => y.active),
    new: column((y) => y.new),
    ended: column((y) => y.ended),
    regions: groups('by_region', regions),
    types: groups('by_type', types),
  };
}
