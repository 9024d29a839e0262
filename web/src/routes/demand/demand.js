// Pure shaping of the demand for exchange places: the charts' ECharts options, the CSV of a call's demand table and
// the ranking of the partners over the years. No DOM, no ECharts import: tested by demand.test.js.

// The design's chart colours: places (what there is) against first and any preferences (what is asked for).
export const COLOURS = { places: '#5b6770', first: '#b3261e', any: '#e8a33d', placed: '#2e7d32' };

export function offerLabel(offer, termLabel) {
  return `${offer.partner_name} (${termLabel(offer.term)})`;
}

/** Bars of places, first and any preferences per offer, one row per offer (horizontal: the partners' names are long). */
export function callDemandOption(offers, { labels, termLabel }) {
  // ECharts draws the first category at the bottom of a vertical axis: reverse, so the table's order reads top down.
  const rows = [...offers].reverse();
  const series = (key, name, colour) => ({
    type: 'bar',
    name,
    data: rows.map((o) => o[key]),
    itemStyle: { color: colour },
  });
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((o) => offerLabel(o, termLabel)), axisLabel: { width: 220, overflow: 'truncate' } },
    series: [series('places', labels.places, COLOURS.places), series('first_preference', labels.first, COLOURS.first), series('any_preference', labels.any, COLOURS.any)],
  };
}

/** The chart's height: enough rows for every offer's three bars. */
export function chartHeight(count, { perRow = 44, base = 80, min = 200 } = {}) {
  return Math.max(min, base + perRow * count);
}

/** One partner over the years: places and first preferences as bars, placed as a line where a run placed. */
export function yearsOption(partner, { labels, yearLabel }) {
  const years = partner.years;
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => yearLabel(y.academic_year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: labels.places, data: years.map((y) => y.places), itemStyle: { color: COLOURS.places } },
      { type: 'bar', name: labels.first, data: years.map((y) => y.first_preference), itemStyle: { color: COLOURS.first } },
      { type: 'line', name: labels.placed, data: years.map((y) => y.placed), itemStyle: { color: COLOURS.placed }, connectNulls: false },
    ],
  };
}

/** Partners short of places in at least `minYears` years (the server sends them most short first). */
export function chronicallyShort(partners, minYears) {
  return partners.filter((p) => p.oversubscribed_years >= minYears);
}

/** First preferences and places summed over a partner's years, and their ratio (null without places). */
export function partnerTotals(partner) {
  const places = partner.years.reduce((n, y) => n + y.places, 0);
  const first = partner.years.reduce((n, y) => n + y.first_preference, 0);
  return { places, first, ratio: places > 0 ? Math.round((100 * first) / places) / 100 : null };
}

/** A move as people read it: who, from which place to which (offers named through `offerName`, null: none). */
export function describeMove(move, offerName, nonePlace) {
  const s = move.student;
  return {
    who: `${s.family_name}, ${s.given_name} (${s.matriculation_number})`,
    from: move.from_offer_id === null ? nonePlace : offerName(move.from_offer_id),
    to: move.to_offer_id === null ? nonePlace : offerName(move.to_offer_id),
  };
}

/** The what-if form's body: an offer or a partnership, and k places (1..100). */
export function whatIfBody({ target, id, places }) {
  const body = { places: Number(places) };
  body[target === 'partnership' ? 'partnership_id' : 'offer_id'] = Number(id);
  return body;
}
