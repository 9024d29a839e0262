-- Funding-only calls (issue 10, item 6): Erasmus+ traineeship rounds for stays the students
-- organise themselves (clinical electives, final-year tertials, other traineeships at hospitals
-- abroad, no agreement). An application to a funding call plans one stay instead of ranking
-- offers: its category, host organisation, city, country (ISO 3166-1 alpha-2), first and last day
-- (ISO dates) and its length in days as Erasmus counts them (30/360: every month 30 days,
-- exchange/funding.h), from which the months asked for are days / 30. An application to a call for
-- places keeps these columns empty.
ALTER TABLE applications ADD COLUMN stay_category TEXT;
ALTER TABLE applications ADD COLUMN stay_host TEXT;
ALTER TABLE applications ADD COLUMN stay_city TEXT;
ALTER TABLE applications ADD COLUMN stay_country TEXT;
ALTER TABLE applications ADD COLUMN stay_starts_on TEXT;
ALTER TABLE applications ADD COLUMN stay_ends_on TEXT;
ALTER TABLE applications ADD COLUMN stay_days BIGINT;

-- A funding call's run grants days (30/360) in rank order within the budget its round has
-- (`budget_days`: the call's funded months × 30, less the days of earlier rounds that are accepted
-- or still offered); `days_granted` is their sum. A result of a funding run has no offer: its
-- `days_granted` (0: not funded) and, in `explanation`, its rank, what was asked and why not.
ALTER TABLE allocation_runs ADD COLUMN budget_days BIGINT;
ALTER TABLE allocation_runs ADD COLUMN days_granted BIGINT;
ALTER TABLE allocation_results ADD COLUMN days_granted BIGINT;
