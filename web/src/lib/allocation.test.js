import { describe, it, expect, afterEach } from 'vitest';
import { setLocale } from './i18n/index.svelte.js';
import {
  formatScore,
  runStatusLabel,
  responseLabel,
  offerLabel,
  explanationSentence,
  explain,
  placementSentence,
  mayRespond,
  placedOf,
  runActions,
  startError,
  RUN_STATUSES,
} from './allocation.js';

const karolinska = { rank: 1, offer_id: 10, partner_name: 'Karolinska Institutet', term: 'full_year' };

describe('allocation', () => {
  afterEach(() => setLocale('en'));

  it('formats scores with two decimals in the reader’s language', () => {
    setLocale('en');
    expect(formatScore(78.25)).toBe('78.25');
    expect(formatScore(81.5)).toBe('81.50');
    expect(formatScore(0)).toBe('0.00');
    expect(formatScore(null)).toBe('–');
    expect(formatScore(undefined)).toBe('–');
    setLocale('de');
    expect(formatScore(78.25)).toBe('78,25');
  });

  it('names every run status in both languages', () => {
    for (const locale of ['en', 'de']) {
      setLocale(locale);
      for (const s of RUN_STATUSES) expect(runStatusLabel(s)).not.toBe(s);
    }
    setLocale('en');
    expect(runStatusLabel('signed_off')).toBe('Signed off');
    expect(runStatusLabel('strange')).toBe('strange');
  });

  it('names the answers, none included', () => {
    expect(responseLabel(null)).toBe('No answer yet');
    expect(responseLabel('accepted')).toBe('Accepted');
    expect(responseLabel('lapsed')).toBe('Not answered in time');
  });

  it('names an offer by partner and term', () => {
    expect(offerLabel({ partner_name: 'Université de Lyon', term: 'winter' })).toBe('Université de Lyon, winter semester');
    expect(offerLabel(null)).toBe('');
  });

  it('explains a full offer with its cut-off and the student’s own score', () => {
    const s = explanationSentence({ ...karolinska, reason: 'offer_full', cutoff: 81.5, own: 78.25, lost_on_lottery: false });
    expect(s).toBe(
      'Karolinska Institutet, full year: the place went to applicants with a higher score; the last place went at 81.50, your score there was 78.25.',
    );
    expect(explanationSentence({ ...karolinska, reason: 'offer_full', cutoff: 81.5, own: 78.25 }, 'office')).toMatch(/the applicant’s score there was 78\.25/);
  });

  it('explains a lost lottery, a full partner, ineligibility and an unknown reason', () => {
    expect(explanationSentence({ ...karolinska, reason: 'offer_full', cutoff: 80, own: 80, lost_on_lottery: true })).toBe(
      'Karolinska Institutet, full year: you were tied at the last place (80.00); the published lottery decided.',
    );
    expect(explanationSentence({ ...karolinska, reason: 'partner_full', cutoff: 90.1, own: 70, lost_on_lottery: false })).toMatch(
      /^Karolinska Institutet, full year: the partner’s places over all its offers were taken; the last went at 90\.10, your score was 70\.00\.$/,
    );
    expect(explanationSentence({ ...karolinska, reason: 'partner_full', cutoff: null })).toBe(
      'Karolinska Institutet, full year: the partner’s places over all its offers were taken.',
    );
    expect(explanationSentence({ ...karolinska, reason: 'not_eligible', cutoff: null, own: 70 })).toBe(
      'Karolinska Institutet, full year: you were not eligible for it.',
    );
    expect(explanationSentence({ ...karolinska, reason: 'offer_full', cutoff: null })).toBe(
      'Karolinska Institutet, full year: the places went to applicants with a higher score.',
    );
    expect(explanationSentence({ ...karolinska, reason: 'mystery' })).toBe('Karolinska Institutet, full year: not given.');
  });

  it('speaks German too', () => {
    setLocale('de');
    expect(explanationSentence({ ...karolinska, reason: 'offer_full', cutoff: 81.5, own: 78.25 })).toBe(
      'Karolinska Institutet, ganzes Jahr: Der Platz ging an Bewerbende mit höherer Punktzahl; der letzte Platz ging bei 81,50, Ihre Punktzahl dort war 78,25.',
    );
  });

  it('puts the explanation in preference order', () => {
    const list = explain([
      { ...karolinska, rank: 2, reason: 'not_eligible' },
      { ...karolinska, rank: 1, partner_name: 'A', reason: 'partner_full', cutoff: 1, own: 0 },
    ]);
    expect(list.map((e) => e.rank)).toEqual([1, 2]);
    expect(list[0].sentence).toMatch(/^A, full year/);
    expect(explain(null)).toEqual([]);
  });

  it('says what the student got', () => {
    const offer = { id: 12, partner_name: 'Université de Lyon', term: 'winter' };
    expect(placementSentence({ offer, preference_rank: 2 })).toBe('You received a place at Université de Lyon, winter semester, your preference 2.');
    expect(placementSentence({ offer, preference_rank: 1 })).toMatch(/your first preference/);
    expect(placementSentence({ offer: null, preference_rank: null })).toBe('No place could be given to you in this round.');
  });

  it('allows an answer only to an unanswered place until accept_by inclusive', () => {
    const r = { offer: { id: 1 }, response: null, accept_by: '2027-03-31', can_respond: true };
    expect(mayRespond(r, '2027-03-31')).toBe(true);
    expect(mayRespond(r, '2027-04-01')).toBe(false);
    expect(mayRespond({ ...r, response: 'accepted' }, '2027-03-01')).toBe(false);
    expect(mayRespond({ ...r, offer: null }, '2027-03-01')).toBe(false);
    expect(mayRespond({ ...r, can_respond: false }, '2027-03-01')).toBe(false);
  });

  it('counts the placed of the applicants', () => {
    expect(placedOf({ placed: 96, applicants: 1400 })).toBe('96 of 1,400');
  });

  it('offers sign-off and publish only in their step and with the permission', () => {
    expect(runActions({ status: 'computed' }, { canSignOff: true, canAllocate: true })).toEqual({ signOff: true, publish: false });
    expect(runActions({ status: 'computed' }, { canSignOff: false, canAllocate: true })).toEqual({ signOff: false, publish: false });
    expect(runActions({ status: 'signed_off' }, { canSignOff: true, canAllocate: true })).toEqual({ signOff: false, publish: true });
    expect(runActions({ status: 'published' }, { canSignOff: true, canAllocate: true })).toEqual({ signOff: false, publish: false });
    // four eyes: the starter is not offered the sign-off, another committee member is
    expect(runActions({ status: 'computed', created_by_user_id: 7 }, { canSignOff: true, canAllocate: true, userId: 7 })).toEqual({ signOff: false, publish: false });
    expect(runActions({ status: 'computed', created_by_user_id: 7 }, { canSignOff: true, canAllocate: true, userId: 8 })).toEqual({ signOff: true, publish: false });
  });
});

describe('startError', () => {
  it('words 409 and the 422s of a run that cannot start, with the server’s count beside', () => {
    expect(startError({ status: 409, code: 'conflict', message: 'A run of this call is being computed' })).toEqual({
      text: 'A run of this call is being computed right now. Wait until it has finished, then look at the list of runs.',
      detail: 'A run of this call is being computed',
    });
    const unchecked = startError({ status: 422, code: 'validation_failed', field: 'applications', message: '12 applications are not checked yet' });
    expect(unchecked.text).toMatch(/^Not every application has been checked yet/);
    expect(unchecked.detail).toBe('12 applications are not checked yet');
    expect(startError({ status: 422, field: 'applications_close', message: 'x' }).text).toMatch(/application period has not ended/);
    expect(startError({ status: 422, field: 'offers', message: 'No offers' })).toBeNull();
    expect(startError(null)).toBeNull();
  });
});
