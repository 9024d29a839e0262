// The partner filters, one definition for the partner list and the world map (both keep them in the URL under the
// same names, so a link from one to the other keeps them): search, country (the countries with partners), tier,
// agreement type and, for staff, agreement status. The map leaves the search out: its finder finds on the map.
import { i18n } from '../../lib/i18n/index.svelte.js';
import { can } from '../../lib/session.svelte.js';
import { api } from '../../lib/api.js';
import { formatNumber, countryName, compareText } from '../../lib/format.js';
import { countryOptions } from '../../lib/countries.js';
import { choices } from '../../lib/enumerations.svelte.js';

/**
 * The filters' definitions for createListState and FilterForm. The country filter offers the countries with
 * partners (all countries until they have arrived).
 */
export function partnerFilters({ search = true } = {}) {
  const countries = $state({ items: null });
  api.partnerships
    .countries()
    .then((answer) => (countries.items = answer?.items ?? null))
    .catch(() => {});
  function countryChoices() {
    if (!countries.items) return countryOptions(i18n.locale).map((c) => ({ value: c.code, label: c.name }));
    return countries.items
      .map((c) => ({ value: c.country, name: countryName(c.country, i18n.locale), partners: c.partners }))
      .sort((a, b) => compareText(a.name, b.name, i18n.locale))
      .map((c) => ({ value: c.value, label: `${c.name} (${formatNumber(c.partners)})` }));
  }
  return [
    ...(search ? [{ name: 'q', type: 'search', label: 'partners.search', placeholder: 'partners.searchPlaceholder' }] : []),
    { name: 'country', type: 'select', label: 'fields.country', options: countryChoices },
    { name: 'tier', type: 'select', label: 'fields.tier', options: () => choices('tier') },
    { name: 'agreement_type', type: 'select', label: 'fields.agreementType', options: () => choices('agreement_type') },
    // Staff only: for the public the agreement filters look at active agreements alone.
    ...(can('partners:internal')
      ? [{ name: 'agreement_status', type: 'select', label: 'fields.agreementStatus', options: () => choices('agreement_status') }]
      : []),
  ];
}

/** The query of another view with the same filters (the list's link to the map and back): only the set ones. */
export function filterQuery(list, filters) {
  const out = new URLSearchParams();
  for (const f of filters) {
    const v = list.get(f.name);
    if (v) out.set(f.name, v);
  }
  const text = out.toString();
  return text ? `?${text}` : '';
}
