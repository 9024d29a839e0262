import { describe, expect, it } from 'vitest';
import { callDemandOption, chartHeight, chronicallyShort, describeMove, partnerTotals, whatIfBody, yearsOption } from './demand.js';

const termLabel = (t) => ({ winter: 'Winter', summer: 'Summer' })[t];
const labels = { places: 'Places', first: 'First', any: 'Any', placed: 'Placed' };
const offers = [
  { offer_id: 1, partnership_id: 9, partner_name: 'Lyon', term: 'winter', places: 3, first_preference: 2, any_preference: 3, oversubscription: 0.67, placed: null, left_empty: null },
  { offer_id: 2, partnership_id: 8, partner_name: 'Oslo, "Nord"', term: 'summer', places: 0, first_preference: 1, any_preference: 2, oversubscription: null, placed: null, left_empty: null },
];

describe('callDemandOption', () => {
  it('has one category per offer, top down in the table order, and three series', () => {
    const option = callDemandOption(offers, { labels, termLabel });
    expect(option.yAxis.data).toEqual(['Oslo, "Nord" (Summer)', 'Lyon (Winter)']);
    expect(option.series.map((s) => s.name)).toEqual(['Places', 'First', 'Any']);
    expect(option.series[0].data).toEqual([0, 3]);
    expect(option.series[1].data).toEqual([1, 2]);
    expect(option.series[2].data).toEqual([2, 3]);
  });
  it('grows with the offers', () => {
    expect(chartHeight(1)).toBe(200);
    expect(chartHeight(10)).toBe(520);
  });
});

describe('years', () => {
  const partner = {
    partnership_id: 9,
    partner_name: 'Lyon',
    oversubscribed_years: 1,
    years: [
      { academic_year: '2026/2027', places: 1, first_preference: 2, any_preference: 2, oversubscription: 2, placed: null, left_empty: null },
      { academic_year: '2027/2028', places: 4, first_preference: 3, any_preference: 5, oversubscription: 0.75, placed: 3, left_empty: 1 },
    ],
  };
  it('charts places and first preferences per year and placed where known', () => {
    const option = yearsOption(partner, { labels, yearLabel: (y) => y.replace('/20', '/') });
    expect(option.xAxis.data).toEqual(['2026/27', '2027/28']);
    expect(option.series[0].data).toEqual([1, 4]);
    expect(option.series[1].data).toEqual([2, 3]);
    expect(option.series[2].data).toEqual([null, 3]);
  });
  it('sums a partner and keeps the chronically short', () => {
    expect(partnerTotals(partner)).toEqual({ places: 5, first: 5, ratio: 1 });
    expect(partnerTotals({ years: [{ places: 0, first_preference: 2 }] }).ratio).toBeNull();
    const other = { ...partner, partnership_id: 8, oversubscribed_years: 0 };
    expect(chronicallyShort([partner, other], 1)).toEqual([partner]);
    expect(chronicallyShort([partner, other], 2)).toEqual([]);
  });
});

describe('what-if', () => {
  it('names a move and builds the body', () => {
    const move = { application_id: 5, student: { matriculation_number: '123', family_name: 'Muster', given_name: 'Anna' }, from_offer_id: null, to_offer_id: 1 };
    expect(describeMove(move, (id) => `offer ${id}`, 'none')).toEqual({ who: 'Muster, Anna (123)', from: 'none', to: 'offer 1' });
    expect(whatIfBody({ target: 'offer', id: '12', places: '2' })).toEqual({ offer_id: 12, places: 2 });
    expect(whatIfBody({ target: 'partnership', id: 4, places: 1 })).toEqual({ partnership_id: 4, places: 1 });
  });
});
