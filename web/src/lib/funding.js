// Funding-only calls (issue 10, item 6) as people read them: the months rule the server uses
// (exchange/funding.h, 30/360: every month 30 days, first and last day included), so that the
// student's form shows the months as they type, and a funding result in one sentence. Pure apart
// from t().
import { t } from './i18n/index.svelte.js';
import { formatNumber } from './format.js';
import { formatScore } from './allocation.js';

function parse(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

const lastOfFebruary = ({ year, month, day }) =>
  month === 2 && day === new Date(Date.UTC(year, 2, 0)).getUTCDate();

/** Days from `from` to `to` (ISO dates, both included) as Erasmus counts them; null if a date is not one. */
export function erasmusDays(from, to) {
  const a = parse(from);
  const b = parse(to);
  if (!a || !b) return null;
  if (to < from) return 0;
  const d1 = a.day === 31 ? 30 : a.day;
  const d2 = b.day === 31 || lastOfFebruary(b) ? 30 : b.day;
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1) + 1;
}

/** Days as months, two decimals (110 → 3.67). */
export const monthsOfDays = (days) => Math.round((days / 30) * 100) / 100;

/** "3.67" / "3,67". */
export const formatMonths = (months, locale) =>
  formatNumber(Number(months ?? 0), { minimumFractionDigits: 0, maximumFractionDigits: 2 }, locale);

/** A funding result (a result's `funding`) in one sentence to the student. */
export function fundingSentence(funding, score) {
  if (!funding) return '';
  const values = {
    granted: formatMonths(funding.months_granted),
    asked: formatMonths(funding.months_asked),
    rank: funding.rank ?? '–',
    cutoff: formatScore(funding.cutoff),
    score: formatScore(score),
  };
  if (funding.status === 'budget_spent' && funding.lost_on_lottery) {
    return t('funding.result.budget_spent_lottery', values);
  }
  return t(`funding.result.${funding.status}`, values);
}

/** A funding result in the office's table: "3.67 of 3.67 months · rank 1", or why not. */
export function fundingCell(funding) {
  if (!funding) return '';
  const months = t('funding.office.months', {
    granted: formatMonths(funding.months_granted),
    asked: formatMonths(funding.months_asked),
  });
  if (funding.status === 'not_eligible') return t('funding.office.notEligible');
  const rank = t('funding.office.rank', { rank: funding.rank ?? '–' });
  if (funding.status === 'budget_spent') {
    return `${rank} · ${t('funding.office.budgetSpent', { cutoff: formatScore(funding.cutoff) })}`;
  }
  return `${months} · ${rank}`;
}
