// The strategy's areas. An area is shown only once it has screens; later issues add their items here.
export const areas = [
  {
    id: 'partners',
    label: 'nav.partners',
    items: [
      { href: '/partners', label: 'nav.partnerList', match: ['/partners', '/institutions'] },
      { href: '/partners/map', label: 'nav.map' },
      { href: '/agreements', label: 'nav.agreements', match: ['/agreements'] },
      { href: '/agreements/expiring', label: 'nav.expiring' },
    ],
  },
  { id: 'exchange', label: 'nav.exchange', items: [] },
  { id: 'teaching', label: 'nav.teaching', items: [] },
  { id: 'research', label: 'nav.research', items: [] },
  { id: 'campus', label: 'nav.campus', items: [] },
  { id: 'evaluation', label: 'nav.evaluation', items: [] },
];

export function visibleAreas(all = areas) {
  return all.filter((a) => a.items.length > 0);
}

function prefixes(item) {
  return item.match ?? [item.href];
}

/** The item that best matches a path: the longest exact href first, then the longest prefix. */
export function activeItem(path, all = areas) {
  let best = null;
  let bestScore = -1;
  for (const area of all) {
    for (const item of area.items) {
      if (item.href === path) return { area, item };
      for (const p of prefixes(item)) {
        if ((path === p || path.startsWith(`${p}/`)) && p.length > bestScore) {
          best = { area, item };
          bestScore = p.length;
        }
      }
    }
  }
  return best;
}
