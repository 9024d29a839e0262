// The strategy's areas, and the administration. An area is shown only once it has screens; later issues add
// their items here. Each item names the permission it needs; the shell shows only what the person may open.
export const areas = [
  {
    id: 'partners',
    label: 'nav.partners',
    items: [
      { href: '/partners', label: 'nav.partnerList', match: ['/partners', '/institutions'], permission: 'partners:read' },
      { href: '/partners/map', label: 'nav.map', permission: 'partners:read' },
      { href: '/agreements', label: 'nav.agreements', match: ['/agreements'], permission: 'partners:read' },
      { href: '/agreements/expiring', label: 'nav.expiring', permission: 'partners:read' },
    ],
  },
  { id: 'exchange', label: 'nav.exchange', items: [] },
  { id: 'teaching', label: 'nav.teaching', items: [] },
  { id: 'research', label: 'nav.research', items: [] },
  { id: 'campus', label: 'nav.campus', items: [] },
  { id: 'evaluation', label: 'nav.evaluation', items: [] },
  {
    id: 'admin',
    label: 'nav.admin',
    items: [
      { href: '/users', label: 'nav.users', match: ['/users'], permission: 'users:manage' },
      { href: '/audit', label: 'nav.audit', permission: 'audit:read' },
    ],
  },
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
