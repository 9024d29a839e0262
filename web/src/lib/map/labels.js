// What the map's markers and groups are called, for screen readers and tooltips.
import { t } from '../i18n/index.svelte.js';
import { countryName } from '../format.js';
import { mainCountry } from './clusters.js';

export function partnerLabel(p) {
  return t('map.markerLabel', {
    name: p.name ?? '',
    country: countryName(p.country),
    tier: t(`tier.${p.tier}`),
    count: Number(p.active_agreements ?? 0),
  });
}

/** "12 partners, most in Poland" */
export function clusterSummary(cluster) {
  return t('map.cluster', { count: Number(cluster.count), country: countryName(mainCountry(cluster)) });
}

/** A group's button: its summary and what activating it does. */
export function clusterLabel(cluster, lists) {
  return `${clusterSummary(cluster)}. ${t(lists ? 'map.clusterList' : 'map.clusterZoom')}`;
}
