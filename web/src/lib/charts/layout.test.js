import { describe, it, expect } from 'vitest';
import { niceScale, chartMaximum, barLayout, shortAcademicYear, trendSeries } from './layout.js';

describe('niceScale', () => {
  it('rounds the top up to 1, 2 or 5 times a power of ten a step', () => {
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(100)).toEqual({ max: 100, step: 50, ticks: [0, 50, 100] });
    expect(niceScale(1234)).toEqual({ max: 1500, step: 500, ticks: [0, 500, 1000, 1500] });
  });

  it('never steps by less than one (counts) and has a scale for nothing', () => {
    expect(niceScale(2)).toEqual({ max: 2, step: 1, ticks: [0, 1, 2] });
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(NaN)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
  });
});

describe('chartMaximum', () => {
  const series = [
    { key: 'a', values: [1, 5, 2] },
    { key: 'b', values: [4, 1, 0] },
  ];
  it('is the highest bar when grouped and the highest stack when stacked', () => {
    expect(chartMaximum(series, 'grouped')).toBe(5);
    expect(chartMaximum(series, 'stacked')).toBe(6);
    expect(chartMaximum([], 'stacked')).toBe(0);
  });
});

describe('barLayout', () => {
  const series = [
    { key: 'new', values: [2, 0, 4] },
    { key: 'ended', values: [1, 3, 0] },
  ];

  it('puts a category’s bars side by side, each as high as its value', () => {
    const layout = barLayout({ width: 300, height: 200, count: 3, series, mode: 'grouped' });
    expect(layout.scale.max).toBe(4);
    // no bar for a 0
    expect(layout.bars.map((b) => `${b.series}${b.index}`)).toEqual(['new0', 'ended0', 'ended1', 'new2']);
    const [new0, ended0] = layout.bars;
    expect(new0.x).toBeLessThan(ended0.x);
    expect(new0.width).toBeCloseTo(ended0.width, 5);
    // the bottom of every bar is the axis; a bar of the top value reaches the plot's top
    for (const bar of layout.bars) expect(bar.y + bar.height).toBeCloseTo(layout.plot.y + layout.plot.height, 0);
    const new2 = layout.bars[3];
    expect(new2.y).toBeCloseTo(layout.plot.y, 5);
    expect(new0.height * 2).toBeCloseTo(new2.height, 0);
    // everything within the box
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(layout.plot.x);
      expect(bar.x + bar.width).toBeLessThanOrEqual(300);
    }
  });

  it('stacks the series, the first at the bottom', () => {
    const layout = barLayout({ width: 300, height: 200, count: 3, series, mode: 'stacked' });
    expect(layout.scale.max).toBe(4);
    const [new0, ended0] = layout.bars;
    expect(new0.x).toBe(ended0.x);
    expect(new0.width).toBe(ended0.width);
    expect(ended0.y + ended0.height).toBeCloseTo(new0.y, 5);
    expect(ended0.y).toBeCloseTo(layout.plot.y + layout.plot.height / 4, 0);
  });

  it('labels the axes: ticks from the bottom up, and as many categories as fit, the last always', () => {
    const wide = barLayout({ width: 600, height: 200, count: 10, series, labelWidth: 40 });
    expect(wide.labelEvery).toBe(1);
    expect(wide.xLabels.map((l) => l.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(wide.yTicks[0].y).toBeGreaterThan(wide.yTicks.at(-1).y);
    const narrow = barLayout({ width: 200, height: 200, count: 10, series, labelWidth: 40 });
    expect(narrow.labelEvery).toBeGreaterThan(1);
    expect(narrow.xLabels.at(-1).index).toBe(9);
    // the last label, centred under its bar, stays within the box
    for (const layout of [wide, narrow, barLayout({ width: 240, height: 130, count: 10, series, labelWidth: 42 })]) {
      expect(layout.xLabels.at(-1).x + 21).toBeLessThanOrEqual(layout === wide ? 600 : layout === narrow ? 200 : 240);
    }
    const xs = narrow.xLabels.map((l) => l.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(40);
  });

  it('reaches a common scale when asked to', () => {
    const own = barLayout({ width: 300, height: 200, count: 2, series: [{ key: 'a', values: [3, 4] }] });
    const shared = barLayout({ width: 300, height: 200, count: 2, series: [{ key: 'a', values: [3, 4] }], atLeast: 40 });
    expect(own.scale.max).toBe(4);
    expect(shared.scale.max).toBe(40);
    expect(shared.bars[1].height * 10).toBeCloseTo(own.bars[1].height, 0);
  });

  it('makes room on the left for the longest tick', () => {
    const small = barLayout({ width: 300, height: 200, count: 2, series: [{ key: 'a', values: [3, 4] }] });
    const large = barLayout({ width: 300, height: 200, count: 2, series: [{ key: 'a', values: [30000, 4] }] });
    expect(large.plot.x).toBeGreaterThan(small.plot.x);
  });
});

describe('shortAcademicYear', () => {
  it('keeps the last two digits of both years', () => {
    expect(shortAcademicYear('2017/2018')).toBe('17/18');
    expect(shortAcademicYear('1999/2000')).toBe('99/00');
    expect(shortAcademicYear('x')).toBe('x');
  });
});

describe('trendSeries', () => {
  const counts = (active, n, ended) => ({ active, new: n, ended });
  const answer = {
    from: '2020/2021',
    to: '2021/2022',
    counted_statuses: ['signed', 'active', 'expired'],
    years: [
      {
        academic_year: '2020/2021',
        ...counts(3, 1, 0),
        by_region: { europe: counts(2, 1, 0), asia: counts(1, 0, 0), oceania: counts(0, 0, 0) },
        by_type: { erasmus_iia: counts(2, 1, 0), joint_degree: counts(0, 0, 0) },
      },
      {
        academic_year: '2021/2022',
        ...counts(2, 0, 1),
        by_region: { europe: counts(2, 0, 0), asia: counts(0, 0, 1), oceania: counts(0, 0, 0) },
        by_type: { erasmus_iia: counts(1, 0, 1), joint_degree: counts(0, 0, 0) },
      },
    ],
  };

  it('gives the totals a year and the regions and types that have any figure, in the given order', () => {
    const s = trendSeries(answer, { regions: ['asia', 'europe', 'oceania'], types: ['erasmus_iia', 'joint_degree'] });
    expect(s.years).toEqual(['2020/2021', '2021/2022']);
    expect(s.active).toEqual([3, 2]);
    expect(s.new).toEqual([1, 0]);
    expect(s.ended).toEqual([0, 1]);
    expect(s.regions).toEqual([
      { key: 'asia', active: [1, 0], new: [0, 0], ended: [0, 1] },
      { key: 'europe', active: [2, 2], new: [1, 0], ended: [0, 0] },
    ]);
    expect(s.types.map((t) => t.key)).toEqual(['erasmus_iia']);
  });

  it('is empty without an answer', () => {
    expect(trendSeries(undefined)).toEqual({ years: [], active: [], new: [], ended: [], regions: [], types: [] });
  });
});
