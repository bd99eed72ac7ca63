import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { uuidArray } from "../../db/sql-arrays";

/*
 * A cycle's evidence is kept in cycle_evidence: one row per target and student of the pinned baseline, with the
 * student's latest later level on the target (null until there is one). Building it reads every later result of
 * the team, so it is built once and rebuilt only when what it was built from changed, which its signature tells:
 * the cycle's dates and team, its baselines and follow-ups, and every team assessment given since it started,
 * each with its day and its results version (which the database bumps on every change to the assessment's
 * results or proficient levels, migration 0020). Reading a cycle first makes sure its evidence is current.
 */

/**
 * Baseline rows, one per cycle, target and student (from the latest baseline assessment when several measured
 * the same target), with the target's proficient level on that assessment.
 */
function snapshotSql(cycleIds: SQL): SQL {
  return sql`select distinct on (s.cycle_id, s.target_id, s.student_id)
      s.district_id, s.cycle_id, s.target_id, s.student_id, s.class_id, s.level,
      coalesce(at.proficient_level, 3) as proficient
    from cycle_snapshot_results s
    join assessments a on a.id = s.assessment_id
    left join assessment_targets at on at.assessment_id = s.assessment_id and at.target_id = s.target_id
    where s.cycle_id in (${cycleIds})
    order by s.cycle_id, s.target_id, s.student_id, a.given_on desc nulls last, a.id`;
}

/**
 * Each baseline row with the student's latest later level on the same target: their latest result on it from the
 * cycle's follow-up assessments or from any team assessment given since the cycle started (baselines aside);
 * once the cycle is finished, team assessments given after that no longer count unless the team added them as
 * follow-ups. The later assessments of a cycle are a handful, so they are listed first and their results joined
 * by key to the baseline rows in one hash join.
 */
function evidenceSql(cycleIds: SQL): SQL {
  return sql`with later as materialized (
      select l.cycle_id, l.assessment_id, a.given_on, a.created_at
        from (select c.id as cycle_id, a.id as assessment_id
                from cycles c
                join assessments a on a.community_id = c.community_id and a.given_on >= c.starts_on
                 and (c.finished_at is null or a.given_on <= c.finished_at::date)
               where c.id in (${cycleIds})
              union
              select f.cycle_id, f.assessment_id from cycle_assessments f
               where f.cycle_id in (${cycleIds}) and f.role = 'followup') l
        join assessments a on a.id = l.assessment_id
       where not exists (select 1 from cycle_assessments b
                         where b.cycle_id = l.cycle_id and b.assessment_id = l.assessment_id and b.role = 'baseline')),
    latest as (
      select distinct on (later.cycle_id, tr.target_id, tr.student_id)
             later.cycle_id, tr.target_id, tr.student_id, tr.level
        from later join target_results tr on tr.assessment_id = later.assessment_id
       order by later.cycle_id, tr.target_id, tr.student_id,
                coalesce(tr.assessed_on, later.given_on) desc nulls last, later.created_at desc)
    select snap.district_id, snap.cycle_id, snap.target_id, snap.student_id, snap.class_id, snap.level as before,
           latest.level as after, snap.proficient,
           latest.level is not null and row_number() over (
             partition by snap.cycle_id, snap.student_id order by latest.level is null, snap.target_id) = 1
             as first_matched
      from (${snapshotSql(cycleIds)}) snap
      left join latest on latest.cycle_id = snap.cycle_id and latest.target_id = snap.target_id
       and latest.student_id = snap.student_id`;
}

/**
 * What each cycle's evidence is built from, as one text: the cycle's team, start and finish, its baselines and
 * follow-ups, every team assessment given while it ran (so a finished cycle is not rebuilt for the team's later
 * assessments), each assessment with its day and results version, and the baselines' proficient levels. Any change
 * to these changes the text.
 */
function signaturesSql(cycleIds: SQL): SQL {
  return sql`select c.id, concat_ws('|', c.community_id, c.starts_on, c.finished_at,
      (select string_agg(concat_ws(':', ca.role, a.id, a.given_on, a.results_version), ',' order by ca.role, a.id)
         from cycle_assessments ca join assessments a on a.id = ca.assessment_id where ca.cycle_id = c.id),
      (select string_agg(concat_ws(':', at.assessment_id, at.target_id, at.proficient_level), ','
                         order by at.assessment_id, at.target_id)
         from cycle_assessments ca join assessment_targets at on at.assessment_id = ca.assessment_id
        where ca.cycle_id = c.id and ca.role = 'baseline'),
      (select string_agg(concat_ws(':', a.id, a.given_on, a.results_version), ',' order by a.id)
         from assessments a
        where a.community_id = c.community_id and a.given_on >= c.starts_on
          and (c.finished_at is null or a.given_on <= c.finished_at::date))) as signature
    from cycles c where c.id in (${cycleIds})`;
}

/** Makes sure the cached evidence of each cycle is current, rebuilding the cycles whose inputs changed. */
export async function ensureCycleEvidence(db: Db, cycleIds: readonly string[]): Promise<void> {
  if (!cycleIds.length) return;
  const stale = await db.execute<{ id: string }>(sql`
    select now_.id from (${signaturesSql(sql`select unnest(${uuidArray(cycleIds)})`)}) now_
      left join cycle_evidence_state st on st.cycle_id = now_.id
     where st.signature is distinct from now_.signature`);
  for (const { id } of stale.rows) await rebuildCycleEvidence(db, id);
}

/**
 * Rebuilds one cycle's evidence, one builder at a time per cycle (another process may be at it: then this one
 * finds it current once the lock is free). The signature is read before the rows: a change committed in between
 * is then in the rows but not in the signature, so the next read rebuilds again rather than trust stale rows.
 */
async function rebuildCycleEvidence(db: Db, cycleId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`cycle-evidence:${cycleId}`}, 0))`);
    const current = await tx.execute<{ signature: string; built: string | null }>(sql`
      select now_.signature, st.signature as built
        from (${signaturesSql(sql`${cycleId}::uuid`)}) now_
        left join cycle_evidence_state st on st.cycle_id = now_.id`);
    const row = current.rows[0];
    if (!row || row.signature === row.built) return;
    await tx.execute(sql`delete from cycle_evidence where cycle_id = ${cycleId}`);
    await tx.execute(sql`
      insert into cycle_evidence
        (district_id, cycle_id, target_id, student_id, class_id, before, after, proficient, first_matched)
      ${evidenceSql(sql`${cycleId}::uuid`)}`);
    await tx.execute(sql`
      insert into cycle_evidence_state (cycle_id, district_id, signature, built_at)
      select c.id, c.district_id, ${row.signature}, now() from cycles c where c.id = ${cycleId}
      on conflict (cycle_id) do update set signature = excluded.signature, built_at = excluded.built_at`);
  });
}
