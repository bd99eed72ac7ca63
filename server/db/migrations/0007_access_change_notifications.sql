-- Announces every change that can alter a signed-in actor (session revoked or shortened, person, roles,
-- team memberships, district or school names) on the channel collective_access, so each server process can
-- empty its actor cache (server/auth/actor-cache.ts). Touching sessions.last_seen_at announces nothing.
create or replace function collective_notify_access_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('collective_access', tg_table_name);
  return null;
end
$$;
--> statement-breakpoint
create trigger sessions_access_change after update of revoked_at, expires_at or delete on sessions
  for each statement execute function collective_notify_access_change();
--> statement-breakpoint
create trigger people_access_change after update or delete on people
  for each statement execute function collective_notify_access_change();
--> statement-breakpoint
create trigger role_assignments_access_change after insert or update or delete on role_assignments
  for each statement execute function collective_notify_access_change();
--> statement-breakpoint
create trigger community_members_access_change after insert or update or delete on community_members
  for each statement execute function collective_notify_access_change();
--> statement-breakpoint
create trigger districts_access_change after update or delete on districts
  for each statement execute function collective_notify_access_change();
--> statement-breakpoint
create trigger schools_access_change after update or delete on schools
  for each statement execute function collective_notify_access_change();
