import { IdParams } from "../../../contract/common";
import {
  ChildSupport,
  FamilyInbox,
  FamilyNote,
  FamilyNoteInput,
  FamilyNoteList,
  FamilyReplyInput,
} from "../../../contract/family-voice";
import { recordAudit } from "../../audit/record-audit";
import { publicBaseUrl } from "../../config";
import { notFound } from "../../errors";
import { actorContextOf, requireActor } from "../../http/signed-in";
import { authorize } from "../../policy/authorize";
import { loadStudentTarget, visibleStudentIds } from "../../policy/student-scope";
import type { App } from "../../types";
import { loadChildSupport } from "./child-support.queries";
import { acknowledgeFamilyNote, createFamilyNote, replyToFamilyNote } from "./family-note-commands";
import { findFamilyNote, listFamilyInbox, listStudentFamilyNotes } from "./family-notes.queries";

/** Family voice: notes from a family to their child's team, and the family's view of the support given. */
export async function familyVoiceRoutes(app: App) {
  const loadStudent = async (id: string) => (await loadStudentTarget(app.db, id)) ?? notFound("student");

  app.get(
    "/family/children/:id/support",
    { config: { policy: "family.readChild" }, schema: { params: IdParams, response: { 200: ChildSupport } } },
    async (request) => {
      const actor = requireActor(request);
      const student = await loadStudent(request.params.id);
      authorize(actor, "family.readChild", student);
      const support = await loadChildSupport(app.db, student.id);
      await recordAudit(app.db, request, {
        action: "family.child_support_read",
        subjectType: "student",
        subjectId: student.id,
        details: { plans: support.plans.length, students: 1 },
      });
      return support;
    },
  );

  app.post(
    "/family/children/:id/notes",
    {
      config: { policy: "familyNote.create" },
      schema: { params: IdParams, body: FamilyNoteInput, response: { 201: FamilyNote } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const student = await loadStudent(request.params.id);
      authorize(actor, "familyNote.create", student);
      const id = await createFamilyNote(app.db, actorContextOf(request), student, request.body, {
        smtpConfigured: Boolean(app.config.smtpUrl),
        baseUrl: publicBaseUrl(app.config),
      });
      return reply.status(201).send((await findFamilyNote(app.db, id)) ?? notFound("family note"));
    },
  );

  app.get(
    "/students/:id/family-notes",
    { config: { policy: "familyNote.read" }, schema: { params: IdParams, response: { 200: FamilyNoteList } } },
    async (request) => {
      const actor = requireActor(request);
      const student = await loadStudent(request.params.id);
      authorize(actor, "familyNote.read", student);
      const items = await listStudentFamilyNotes(app.db, student.id);
      await recordAudit(app.db, request, {
        action: "family_note.list_read",
        subjectType: "student",
        subjectId: student.id,
        details: { notes: items.length, students: 1 },
      });
      return { items };
    },
  );

  app.post(
    "/family-notes/:id/replies",
    {
      config: { policy: "familyNote.reply" },
      schema: { params: IdParams, body: FamilyReplyInput, response: { 201: FamilyNote } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const note = (await findFamilyNote(app.db, request.params.id)) ?? notFound("family note");
      const student = await loadStudent(note.studentId);
      authorize(actor, "familyNote.reply", student);
      await replyToFamilyNote(
        app.db,
        actorContextOf(request),
        student,
        { id: note.id, authorId: note.author?.id ?? null },
        request.body,
        { smtpConfigured: Boolean(app.config.smtpUrl), baseUrl: publicBaseUrl(app.config) },
      );
      return reply.status(201).send((await findFamilyNote(app.db, note.id)) ?? notFound("family note"));
    },
  );

  app.get(
    "/family-notes",
    { config: { policy: "familyNote.inbox" }, schema: { response: { 200: FamilyInbox } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, "familyNote.inbox", { districtId: actor.districtId });
      const inbox = await listFamilyInbox(app.db, visibleStudentIds(actor));
      await recordAudit(app.db, request, {
        action: "family_note.inbox_read",
        subjectType: "person",
        subjectId: actor.personId,
        details: { notes: inbox.items.length, students: new Set(inbox.items.map((n) => n.student.id)).size },
      });
      return inbox;
    },
  );

  app.post(
    "/family-notes/:id/acknowledge",
    { config: { policy: "familyNote.acknowledge" }, schema: { params: IdParams, response: { 200: FamilyNote } } },
    async (request) => {
      const actor = requireActor(request);
      const note = (await findFamilyNote(app.db, request.params.id)) ?? notFound("family note");
      const student = await loadStudent(note.studentId);
      authorize(actor, "familyNote.acknowledge", student);
      await acknowledgeFamilyNote(app.db, actorContextOf(request), student, note.id);
      return (await findFamilyNote(app.db, note.id)) ?? notFound("family note");
    },
  );
}
