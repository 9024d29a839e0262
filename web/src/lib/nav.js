// The strategy's areas, and the administration. An area is shown only once it has screens; each module
// contributes its items (`nav` in routes/<module>/module.js, with the `area` they belong to). Each item names
// the permission it needs; the shell shows only what the person may open.
import { modules } from '../modules.js';

const AREAS = [
  { id: 'partners', label: 'nav.partners' },
  { id: 'exchange', label: 'nav.exchange' },
  { id: 'teaching', label: 'nav.teaching' },
  { id: 'research', label: 'nav.research' },
  { id: 'campus', label: 'nav.campus' },
  { id: 'evaluation', label: 'nav.evaluation' },
  { id: 'admin', label: 'nav.admin' },
];

/** The areas with the items the modules contribute, in the modules' order. */
export function collectAreas(areaList, moduleList) {
  const items = moduleList.flatMap((m) => m.nav ?? []);
  return areaList.map((a) => ({ ...a, items: items.filter((i) => i.area === a.id) }));
}

export const areas = collectAreas(AREAS, modules);

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
