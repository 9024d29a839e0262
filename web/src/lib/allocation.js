// An allocation run and its results as people read them (issue 10, item 10): the explanation of a place as
// plain sentences, the run's status, scores with two decimals, the results' page shape. Pure apart from t();
// shared by the office's screens (routes/allocation/) and the student's result (routes/applications/).
import { t, has } from './i18n/index.svelte.js';
import { formatNumber } from './format.js';

export const RUN_STATUSES = ['computed', 'signed_off', 'published', 'superseded'];
export const RESPONSES = ['accepted', 'declined', 'lapsed', 'released'];

/** A score as the allocation compares it: two decimals ("78.25", "78,25"). '–' when there is none. */
export function formatScore(value, locale) {
  if (value === null || value === undefined || value === '' || !Number.isFinite(Number(value))) return '–';
  return formatNumber(Number(value), { minimumFractionDigits: 2, maximumFractionDigits: 2 }, locale);
}

/** A run's status in words ("Signed off"); an unknown status as it is. */
export function runStatusLabel(status) {
  return has(`runStatus.${status}`) ? t(`runStatus.${status}`) : String(status ?? '');
}

/** A student's answer to a place in words; null (not yet answered) as "No answer yet". */
export function responseLabel(response) {
  if (!response) return t('allocation.response.none');
  return has(`allocation.response.${response}`) ? t(`allocation.response.${response}`) : String(response);
}

/** An offer by its partner and term: "Karolinska Institutet, full year". */
export function offerLabel(offer) {
  if (!offer) return '';
  const term = has(`applications.term.${offer.term}`) ? t(`applications.term.${offer.term}`) : offer.term;
  return term ? `${offer.partner_name}, ${term}` : offer.partner_name;
}

/**
 * Why one preference ranked above the place received was not given, as one sentence. `voice` 'student'
 * speaks to the student ("your score"), 'office' about the applicant ("the applicant's score").
 * Reasons: offer_full (its places went to higher scores, or a tie at the last place the lottery decided),
 * partner_full (the partner's places over all its offers were taken), not_eligible.
 */
export function explanationSentence(entry, voice = 'student', locale) {
  const group = voice === 'office' ? 'allocation.why' : 'placement.why';
  const offer = offerLabel({ partner_name: entry.partner_name, term: entry.term });
  const cutoff = formatScore(entry.cutoff, locale);
  const own = formatScore(entry.own, locale);
  const withCutoff = entry.cutoff !== null && entry.cutoff !== undefined;
  let key;
  switch (entry.reason) {
    case 'offer_full':
      if (entry.lost_on_lottery) key = 'lottery';
      else key = withCutoff ? 'offerFull' : 'offerFullNoCutoff';
      break;
    case 'partner_full':
      key = withCutoff ? 'partnerFull' : 'partnerFullNoCutoff';
      break;
    case 'not_eligible':
      key = 'notEligible';
      break;
    default:
      key = 'other';
  }
  return t(`${group}.${key}`, { offer, cutoff, own });
}

/** The explanation's entries in their preference order, each with its sentence. */
export function explain(explanation, voice = 'student', locale) {
  return [...(explanation ?? [])]
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
    .map((entry) => ({ ...entry, sentence: explanationSentence(entry, voice, locale) }));
}

/** What a student got, in one sentence: the place and its preference rank, or none. */
export function placementSentence(result) {
  if (!result?.offer) return t('placement.none');
  const offer = offerLabel(result.offer);
  if (result.preference_rank === 1) return t('placement.firstChoice', { offer });
  return t('placement.received', { offer, rank: result.preference_rank ?? '–' });
}

/** Whether the student may still answer: a place, no answer yet, the server allows it, not after accept_by. */
export function mayRespond(result, today) {
  // a place, or months of a funding call
  const offered = !!result?.offer || (result?.funding?.days_granted ?? 0) > 0;
  if (!offered || result.response) return false;
  if (result.can_respond === false) return false;
  return !result.accept_by || today <= result.accept_by;
}

/** "96 of 140" — applicants placed of applicants. */
export function placedOf(run) {
  return t('allocation.placedOf', { placed: formatNumber(run?.placed ?? 0), applicants: formatNumber(run?.applicants ?? 0) });
}

/** The actions a person may take on a run now. */
export function runActions(run, { canSignOff, canAllocate, userId }) {
  return {
    // four eyes: whoever started the run cannot sign it off (the server answers 403 four_eyes)
    signOff: !!canSignOff && run?.status === 'computed' && (userId == null || run.created_by_user_id !== userId),
    publish: !!canAllocate && run?.status === 'signed_off',
  };
}

/**
 * Why a run could not be started, in the screen's words: 409 (a run of the call is being computed), 422 naming
 * the unchecked applications, the application deadline not passed, or the last round's accept_by. `detail` is
 * the server's own message (it counts the applications still to check).
 */
export function startError(error) {
  if (!error) return null;
  const server = error.message && error.message !== error.code ? error.message : null;
  if (error.status === 409) return { text: t('allocation.errors.busy'), detail: server };
  if (error.status === 422 && ['applications', 'applications_close', 'accept_by'].includes(error.field)) {
    return { text: t(`allocation.errors.${error.field}`), detail: server };
  }
  return null;
}
