-- The one statement of the points-to-level rule (see server/features/assessments/level-rule.ts): the highest
-- level whose minimum the points meet, else the lowest level of the scale, else 1. A single SELECT without FROM,
-- so PostgreSQL inlines it into the queries that call it.
CREATE OR REPLACE FUNCTION level_for(cut_scores jsonb, points numeric) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  select coalesce(
    (select max((c->>'level')::int) from jsonb_array_elements(cut_scores) c where (c->>'minPoints')::numeric <= points),
    (select min((c->>'level')::int) from jsonb_array_elements(cut_scores) c),
    1)
$$;
