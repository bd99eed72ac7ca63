import type { z } from "zod";
import type { Visit, VisitCounts } from "../../../contract/visits";
import type { Actor } from "../../policy/actor";
import { abilities } from "../../policy/authorize";
import { type VisitCountRow, type VisitRow, visitTarget } from "./visits.queries";

/** A visit as this person may see it: the host reads all feedback, a visitor their own, the team what was shared. */
export function presentVisit(actor: Actor, visit: VisitRow): Visit {
  const target = visitTarget(visit);
  const isHost = visit.host.id === actor.personId;
  const feedback = visit.feedback.filter((f) => isHost || f.visitor.id === actor.personId || f.isSharedWithTeam);
  return {
    id: visit.id,
    focus: visit.focus,
    status: visit.status,
    startsAt: visit.startsAt,
    host: visit.host,
    visitors: visit.visitors,
    school: visit.school,
    community: visit.community ? { id: visit.community.id, name: visit.community.name } : null,
    feedback,
    createdAt: visit.createdAt,
    can: abilities(actor, ["visit.update", "visit.giveFeedback"], target),
  };
}

/** Visit counts per school, without any visit's content. */
export function presentVisitCounts(rows: VisitCountRow[]): z.infer<typeof VisitCounts> {
  return {
    schools: rows.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.school_name,
      proposed: r.proposed,
      scheduled: r.scheduled,
      completed: r.completed,
      feedbackGiven: r.feedback_given,
    })),
  };
}
