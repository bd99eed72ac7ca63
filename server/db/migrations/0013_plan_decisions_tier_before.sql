DROP INDEX "plan_decisions_plan_idx";--> statement-breakpoint
CREATE INDEX "plan_decisions_plan_idx" ON "plan_decisions" USING btree ("plan_id","decided_on","created_at","tier_after","tier_before");