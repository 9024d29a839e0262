import { describe, it, expect } from 'vitest';
import { fieldPath, errorFor, isFieldError, numberOrNull, orNull } from './forms.js';
import { describeError } from './errors.js';
import { setLocale } from './i18n/index.svelte.js';
import { ApiError } from './api.js';

describe('field paths of API errors', () => {
  it('are understood in their usual spellings', () => {
    expect(fieldPath('quotas[1].places_per_year')).toEqual(['quotas', 1, 'places_per_year']);
    expect(fieldPath('quotas.1.places_per_year')).toEqual(['quotas', 1, 'places_per_year']);
    expect(fieldPath('first_academic_year')).toEqual(['first_academic_year']);
  });
  it('put the error beside the right field', () => {
    const err = new ApiError(422, { code: 'validation_failed', field: 'quotas[0].places_per_year', message: 'must be >= 0' });
    expect(errorFor(err, 'quotas', 0, 'places_per_year')).toBe(err);
    expect(errorFor(err, 'quotas', 1, 'places_per_year')).toBeNull();
    expect(errorFor(err, 'title')).toBeNull();
    expect(isFieldError(err, ['quotas'])).toBe(true);
    expect(isFieldError(err, ['title'])).toBe(false);
  });
});

describe('error texts', () => {
  it('translate a known field and keep the server message beside it', () => {
    setLocale('de');
    const err = new ApiError(422, { code: 'validation_failed', field: 'first_academic_year', message: 'first_academic_year must look like 2027/2028' });
    const d = describeError(err);
    expect(d.text).toBe('Bitte ein Studienjahr wie 2027/2028 eingeben.');
    expect(d.detail).toBe('first_academic_year must look like 2027/2028');
    setLocale('en');
  });
  it('show the server’s own (English) message in English', () => {
    setLocale('en');
    const err = new ApiError(422, { code: 'validation_failed', field: 'first_academic_year', message: 'Must be an academic year such as 2027/2028' });
    expect(describeError(err)).toEqual({ text: 'Must be an academic year such as 2027/2028', detail: null });
    const bare = new ApiError(422, { code: 'validation_failed', field: 'first_academic_year' });
    expect(describeError(bare).text).toBe('Enter an academic year such as 2027/2028.');
  });
  it('translate known codes and show the server message otherwise', () => {
    setLocale('en');
    expect(describeError(new ApiError(404, { code: 'not_found', message: 'no agreement 9' })).text).toBe('This record does not exist (any more).');
    expect(describeError(new ApiError(418, { code: 'teapot', message: 'I am a teapot' })).text).toBe('I am a teapot');
    expect(describeError(new ApiError(422, { code: 'validation_failed', field: 'weird', message: 'weird is wrong' })).text).toBe('weird is wrong');
  });
});

describe('values sent to the API', () => {
  it('are null when empty', () => {
    expect(orNull('')).toBeNull();
    expect(orNull('x')).toBe('x');
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('3.5')).toBe(3.5);
    expect(numberOrNull(null)).toBeNull();
  });
});
