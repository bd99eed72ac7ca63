-- Responses are stored trimmed and in capitals (record-results.ts), so "a" and "A" count as one answer.
UPDATE "item_scores" SET "response" = nullif(upper(btrim("response")), '')
 WHERE "response" IS NOT NULL AND "response" IS DISTINCT FROM nullif(upper(btrim("response")), '');
