// Pure helpers around the server's enumerations (which live in enumerations.svelte.js, loaded from the server),
// and the languages offered for quotas' language requirements (ISO 639-1; not an enumeration of the server).
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pl', 'cs', 'pt', 'nl', 'sv', 'fi', 'da', 'no', 'hu', 'el', 'tr', 'ru', 'zh', 'ja', 'ko', 'ar'];

/**
 * Statuses that an agreement in `status` may be saved with: its own and the allowed next ones; a new agreement
 * one of the initial statuses. `rules`: {agreement_status_transitions, initial_agreement_statuses} of the server.
 */
export function statusChoices(status, rules) {
  if (!status) return rules.initial_agreement_statuses ?? [];
  return [status, ...(rules.agreement_status_transitions?.[status] ?? [])];
}
