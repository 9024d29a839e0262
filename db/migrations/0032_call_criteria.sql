-- A call's optional selection criteria beside grade, language and committee points (issue 10,
-- item 2), each with its code, names, weight and maximum points, kept as the JSON array the API
-- reads and writes; an application's points for them as a JSON object {code: points}.
ALTER TABLE calls ADD COLUMN criteria TEXT NOT NULL DEFAULT '';
ALTER TABLE applications ADD COLUMN criteria_points TEXT;
