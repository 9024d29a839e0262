// Row selection of a list and the bulk actions on it (pure helpers; ListPage keeps the state).
// A selection is a Map id → record (the record as the list showed it, with its version).

/** 'none', 'some' or 'all': how many of the page's rows are selected (for the "all on this page" box). */
export function pageSelection(selected, pageItems) {
  const onPage = pageItems.filter((item) => selected.has(item.id)).length;
  if (onPage === 0) return 'none';
  return onPage === pageItems.length ? 'all' : 'some';
}

/** The selection with one row added or taken out. */
export function toggled(selected, item, on = !selected.has(item.id)) {
  const next = new Map(selected);
  if (on) next.set(item.id, item);
  else next.delete(item.id);
  return next;
}

/** The selection with every row of the page added (on) or taken out. */
export function withPage(selected, pageItems, on) {
  let next = selected;
  for (const item of pageItems) next = toggled(next, item, on);
  return next;
}

/** The selection kept to the rows still shown (after a reload: as they are now, with their new versions). */
export function keptOnPage(selected, pageItems) {
  const next = new Map();
  for (const item of pageItems) if (selected.has(item.id)) next.set(item.id, item);
  return next;
}

/** The body of POST …/bulk: each record at the version the list showed, and the fields to set. */
export function bulkBody(records, set) {
  return { items: records.map((r) => ({ id: r.id, version: r.version })), set };
}

/** What the answer of a bulk action says: how many changed and how many had the value already. */
export function bulkOutcome(answer) {
  return { changed: answer?.changed?.length ?? 0, unchanged: answer?.unchanged?.length ?? 0 };
}

/**
 * The records a failed bulk action names, each with the server's reason where it gave one (a rule
 * broken): [{id, name, message}] in the order of the selection; `nameOf(record)` names a record.
 */
export function recordsAtFault(error, records, nameOf) {
  const ids = error?.recordIds ?? [];
  const reasons = new Map((error?.failures ?? []).map((f) => [f.id, f.message]));
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => ({ id, name: byId.has(id) ? nameOf(byId.get(id)) : `#${id}`, message: reasons.get(id) ?? null }));
}
