// Reference lists that hardly change during a visit (ISCED-F fields, the school's units): read once.
import { api, listAll } from './api.js';
import { compareText } from './format.js';

let isced = null;
let orgUnits = null;

const itemsOf = (data) => (Array.isArray(data) ? data : (data?.items ?? []));

export function iscedFields() {
  isced ??= api.isced({}).then(itemsOf).catch((e) => {
    isced = null;
    throw e;
  });
  return isced;
}

export function schoolUnits() {
  orgUnits ??= listAll((q, s) => api.orgUnits.list(q, s), {})
    .then((items) => orderTree(items))
    .catch((e) => {
      orgUnits = null;
      throw e;
    });
  return orgUnits;
}

/** Parents before their children, each with its depth, children by name. */
export function orderTree(units) {
  const children = new Map();
  for (const u of units) {
    const key = u.parent_id ?? null;
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(u);
  }
  for (const list of children.values()) list.sort((a, b) => compareText(a.name, b.name));
  const ids = new Set(units.map((u) => u.id));
  const out = [];
  const visit = (parent, depth) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ ...u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  // units whose parent is unknown still appear
  for (const u of units) if (u.parent_id != null && !ids.has(u.parent_id)) {
    out.push({ ...u, depth: 0 });
    visit(u.id, 1);
  }
  return out;
}
