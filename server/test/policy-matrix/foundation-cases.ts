import { TEST_PASSWORD } from "../factories";
import { type Case, DISTRICT, LEADERS, STAFF } from "./matrix-context";

/** The foundation's routes: health, accounts, people, schools, audit log, outbox. */
export const foundationCases: Record<string, Case> = {
  "GET /api/health": { allowed: "public", own: () => ({ url: "/api/health" }) },
  "GET /api/openapi.json": { allowed: "public", own: () => ({ url: "/api/openapi.json" }) },
  "GET /*": { allowed: "public", own: () => ({ url: "/favicon-that-does-not-exist.txt" }) },
  "POST /api/v1/auth/sign-in": {
    allowed: "public",
    own: (c) => ({ url: "/api/v1/auth/sign-in", payload: { email: c.own.teacher.email, password: TEST_PASSWORD } }),
  },
  "POST /api/v1/auth/sign-out": { allowed: "all", own: () => ({ url: "/api/v1/auth/sign-out" }) },
  "POST /api/v1/auth/password-reset": {
    allowed: "public",
    own: (c) => ({ url: "/api/v1/auth/password-reset", payload: { email: `nobody-${c.unique()}@x.example` } }),
  },
  "POST /api/v1/auth/password-reset/complete": {
    allowed: "public",
    own: () => ({
      url: "/api/v1/auth/password-reset/complete",
      payload: { token: "x".repeat(43), password: "long enough password" },
    }),
  },
  "GET /api/v1/invites/:token": { allowed: "public", own: () => ({ url: `/api/v1/invites/${"y".repeat(43)}` }) },
  "POST /api/v1/invites/:token/accept": {
    allowed: "public",
    own: () => ({ url: `/api/v1/invites/${"y".repeat(43)}/accept`, payload: { password: "long enough password" } }),
  },
  "GET /api/v1/me": { allowed: "all", own: () => ({ url: "/api/v1/me" }) },
  "PATCH /api/v1/me": { allowed: "all", own: () => ({ url: "/api/v1/me", payload: { preferredLanguage: "en" } }) },
  "POST /api/v1/me/password": {
    allowed: "all",
    own: () => ({
      url: "/api/v1/me/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    }),
  },
  "GET /api/v1/me/sessions": { allowed: "all", own: () => ({ url: "/api/v1/me/sessions" }) },
  "DELETE /api/v1/me/sessions/:id": {
    allowed: "all",
    // Another person's session id is "not found" for everyone: one only ever sees one's own sessions.
    own: () => ({ url: "/api/v1/me/sessions/00000000-0000-4000-8000-000000000000" }),
  },
  "POST /api/v1/me/sessions/sign-out-everywhere": {
    allowed: "all",
    own: () => ({ url: "/api/v1/me/sessions/sign-out-everywhere" }),
  },
  "GET /api/v1/me/api-tokens": { allowed: STAFF, own: () => ({ url: "/api/v1/me/api-tokens" }) },
  "POST /api/v1/me/api-tokens": {
    allowed: STAFF,
    own: () => ({
      url: "/api/v1/me/api-tokens",
      payload: { name: "matrix", scopes: ["rosters:read"], expiresInDays: 1 },
    }),
  },
  "DELETE /api/v1/me/api-tokens/:id": {
    allowed: STAFF,
    own: () => ({ url: "/api/v1/me/api-tokens/00000000-0000-4000-8000-000000000000" }),
  },
  "GET /api/v1/people": {
    allowed: STAFF,
    own: () => ({ url: "/api/v1/people?pageSize=200" }),
    leakCheck: (c) => c.other.teacher.id,
  },
  "POST /api/v1/people": {
    allowed: LEADERS,
    own: (c) => ({
      url: "/api/v1/people",
      payload: {
        email: `new-${c.unique()}@test.example`,
        displayName: "New Teacher",
        roles: [{ role: "teacher", schoolId: c.own.district.schools.elementary.id }],
      },
    }),
    other: (c) => ({
      url: "/api/v1/people",
      payload: {
        email: `new-${c.unique()}@test.example`,
        displayName: "New Teacher",
        roles: [{ role: "teacher", schoolId: c.other.district.schools.elementary.id }],
      },
    }),
  },
  "GET /api/v1/people/:id": {
    allowed: STAFF,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}` }),
  },
  "PATCH /api/v1/people/:id": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}`, payload: { displayName: c.own.teacher.displayName } }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}`, payload: { displayName: "x" } }),
  },
  "POST /api/v1/people/:id/deactivate": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}/deactivate` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}/deactivate` }),
  },
  "POST /api/v1/people/:id/reactivate": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.teacher.id}/reactivate` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.teacher.id}/reactivate` }),
  },
  "POST /api/v1/people/:id/invite": {
    allowed: LEADERS,
    own: (c) => ({ url: `/api/v1/people/${c.own.invited.id}/invite` }),
    other: (c) => ({ url: `/api/v1/people/${c.other.invited.id}/invite` }),
  },
  "GET /api/v1/schools": {
    allowed: STAFF,
    own: () => ({ url: "/api/v1/schools?pageSize=200" }),
    leakCheck: (c) => c.other.district.schools.elementary.id,
  },
  "POST /api/v1/schools": {
    allowed: DISTRICT,
    own: (c) => ({ url: "/api/v1/schools", payload: { name: `New School ${c.unique()}`, level: "middle" } }),
  },
  "GET /api/v1/schools/:id": {
    allowed: STAFF,
    own: (c) => ({ url: `/api/v1/schools/${c.own.district.schools.high.id}` }),
    other: (c) => ({ url: `/api/v1/schools/${c.other.district.schools.high.id}` }),
  },
  "PATCH /api/v1/schools/:id": {
    allowed: DISTRICT,
    own: (c) => ({ url: `/api/v1/schools/${c.own.district.schools.high.id}`, payload: { level: "high" } }),
    other: (c) => ({ url: `/api/v1/schools/${c.other.district.schools.high.id}`, payload: { level: "high" } }),
  },
  "GET /api/v1/audit": {
    allowed: DISTRICT,
    own: () => ({ url: "/api/v1/audit?pageSize=200" }),
    leakCheck: (c) => c.other.teacher.id,
  },
  "GET /api/v1/outbox": {
    allowed: DISTRICT,
    own: () => ({ url: "/api/v1/outbox?pageSize=200" }),
    // Another district's mail, and a live reset token (leaders read the outbox; a token there is a takeover).
    leakCheck: (c) => [c.other.outboxId, c.own.resetToken],
  },
  "GET /api/v1/outbox/:id": {
    allowed: DISTRICT,
    own: (c) => ({ url: `/api/v1/outbox/${c.own.outboxId}` }),
    leakCheck: (c) => c.own.resetToken,
    other: (c) => ({ url: `/api/v1/outbox/${c.other.outboxId}` }),
  },
};
