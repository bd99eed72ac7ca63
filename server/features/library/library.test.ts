import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communities, communityMembers, communitySchools } from "../../db/schema";
import { buildDistrict, buildPerson, type TestDistrict, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let district: TestDistrict;
let teacher: TestPerson;
let coach: TestPerson;
let parent: TestPerson;
let communityId: string;

const as = (person: TestPerson) => sessionHeaders(t.db, person);

async function buildCommunity(target: TestDistrict, members: [TestPerson, "facilitator" | "member" | "guest"][]) {
  const [community] = await t.db
    .insert(communities)
    .values({ districtId: target.id, name: "Grade 4 team", kind: "grade_level" })
    .returning();
  const id = community?.id as string;
  await t.db
    .insert(communitySchools)
    .values({ districtId: target.id, communityId: id, schoolId: target.schools.elementary.id });
  for (const [person, teamRole] of members) {
    await t.db
      .insert(communityMembers)
      .values({ districtId: target.id, communityId: id, personId: person.id, teamRole });
  }
  return id;
}

async function share(person: TestPerson, payload: Record<string, unknown>) {
  return app.inject({ method: "POST", url: "/api/v1/resources", headers: await as(person), payload });
}

async function shareOk(person: TestPerson, payload: Record<string, unknown>) {
  const response = await share(person, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function search(person: TestPerson, query: string) {
  const response = await app.inject({ url: `/api/v1/resources?pageSize=200&${query}`, headers: await as(person) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((r: { title: string }) => r.title) as string[];
}

beforeAll(async () => {
  t = await createTestApp();
  app = t.app;
  district = await buildDistrict(t.db);
  teacher = await buildPerson(t.db, district, "teacher");
  coach = await buildPerson(t.db, district, "coach");
  parent = await buildPerson(t.db, district, "family_member");
  communityId = await buildCommunity(district, [
    [coach, "facilitator"],
    [teacher, "member"],
    [parent, "guest"],
  ]);
});
afterAll(async () => t?.close());

describe("sharing resources", () => {
  it("shares a link, a lesson plan and a strategy, each read back with what the actor may do", async () => {
    const link = await shareOk(teacher, {
      kind: "link",
      title: "Number talks video",
      url: "https://example.org/number-talks",
      tags: ["Math", "math", " discourse "],
      gradeLevels: ["3", "4"],
      subjects: ["Mathematics"],
      scope: "community",
      communityId,
    });
    expect(link).toMatchObject({
      kind: "link",
      url: "https://example.org/number-talks",
      tags: ["math", "discourse"],
      gradeLevels: ["3", "4"],
      scope: "community",
      communityId,
      communityName: "Grade 4 team",
      createdBy: { id: teacher.id },
      file: null,
      ratingCount: 0,
      averageUsefulness: null,
      can: { update: true, delete: true, comment: true, rate: true, use: true },
    });
    const plan = await shareOk(teacher, {
      kind: "lesson_plan",
      title: "Fractions on a number line",
      description: "Students place unit fractions on a number line, then compare them.",
      scope: "school",
      schoolId: district.schools.elementary.id,
    });
    expect(plan).toMatchObject({ kind: "lesson_plan", scope: "school", schoolName: district.schools.elementary.name });
    const strategy = await shareOk(coach, { kind: "strategy", title: "Cold call with wait time", scope: "district" });
    expect(strategy).toMatchObject({ kind: "strategy", scope: "district", communityId: null, schoolId: null });

    const detail = await app.inject({ url: `/api/v1/resources/${plan.id}`, headers: await as(coach) });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: plan.id, comments: [], uses: [], can: { update: false, comment: true } });
    const audit = await t.db.execute<{ action: string }>(
      sql`select action from audit_log where subject_id in (${link.id}, ${plan.id}, ${strategy.id})`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["resource.created", "resource.created", "resource.created"]);
  });

  it("refuses bad input with a problem naming the field", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: "link", title: "No address", scope: "district" }, 400, "/body/url"],
      [{ kind: "link", title: "Script", url: "javascript:alert(1)", scope: "district" }, 400, "/body/url"],
      [{ kind: "strategy", title: "", scope: "district" }, 400, "/body/title"],
      [{ kind: "strategy", title: "Where?", scope: "community" }, 400, "/body/communityId"],
      [{ kind: "strategy", title: "Where?", scope: "school" }, 400, "/body/schoolId"],
      [{ kind: "strategy", title: "Grades", scope: "district", gradeLevels: ["13"] }, 400, "/body/gradeLevels/0"],
      [{ kind: "strategy", title: "Extra", scope: "district", rating: 5 }, 400, "/body/rating"],
      [{ kind: "file", title: "No file", scope: "district" }, 422, "/body/file"],
      [{ kind: "strategy", title: "Nowhere", scope: "school", schoolId: crypto.randomUUID() }, 422, "/body/schoolId"],
    ];
    for (const [payload, status, pointer] of cases) {
      const response = await share(teacher, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
  });

  it("shares only where the actor may: a community's members, a school's staff, the district's staff", async () => {
    const outsider = await buildPerson(t.db, district, "teacher");
    const highTeacher = await buildPerson(t.db, district, "teacher", { schoolId: district.schools.high.id });
    const strategy = (scope: string, extra: Record<string, unknown> = {}) => ({
      kind: "strategy",
      title: "Turn and talk",
      scope,
      ...extra,
    });
    expect((await share(parent, strategy("community", { communityId }))).statusCode).toBe(403);
    expect((await share(parent, strategy("district"))).statusCode).toBe(403);
    expect((await share(parent, strategy("private"))).statusCode).toBe(403);
    expect((await share(outsider, strategy("community", { communityId }))).statusCode).toBe(404);
    const school = { schoolId: district.schools.elementary.id };
    expect((await share(highTeacher, strategy("school", school))).statusCode).toBe(403);
    expect((await share(teacher, strategy("school", school))).statusCode).toBe(201);
    expect((await share(outsider, strategy("private"))).statusCode).toBe(201);
  });

  it("lets the creator edit and move a resource, and keeps its search words up to date", async () => {
    const other = await buildPerson(t.db, district, "teacher");
    const resource = await shareOk(teacher, { kind: "strategy", title: "Gallery walk", scope: "district" });
    const edit = (person: TestPerson, payload: Record<string, unknown>) =>
      as(person).then((headers) =>
        app.inject({ method: "PATCH", url: `/api/v1/resources/${resource.id}`, headers, payload }),
      );
    expect((await edit(other, { title: "Mine now" })).statusCode).toBe(403);
    const renamed = await edit(teacher, {
      title: "Silent gallery walk",
      description: "Sticky-note feedback on posters",
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await search(other, "q=posters")).toContain("Silent gallery walk");
    const moved = await edit(teacher, { scope: "community", communityId });
    expect(moved.json()).toMatchObject({ scope: "community", communityId });
    expect((await app.inject({ url: `/api/v1/resources/${resource.id}`, headers: await as(other) })).statusCode).toBe(
      404,
    );
    expect((await edit(teacher, { scope: "school", schoolId: district.schools.high.id })).statusCode).toBe(403);
    expect((await edit(teacher, { scope: "school" })).json().errors[0].pointer).toBe("/body/schoolId");
    const audit = await t.db.execute<{ action: string }>(
      sql`select action from audit_log where subject_id = ${resource.id} order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["resource.created", "resource.updated", "resource.updated"]);
  });

  it("still lets a creator who has left the community look after what they shared there", async () => {
    const leaver = await buildPerson(t.db, district, "teacher");
    await t.db.insert(communityMembers).values({ districtId: district.id, communityId, personId: leaver.id });
    const resource = await shareOk(leaver, { kind: "strategy", title: "Fishbowl", scope: "community", communityId });
    await t.db.execute(sql`delete from community_members where person_id = ${leaver.id}`);
    const headers = await as(leaver);
    const url = `/api/v1/resources/${resource.id}`;
    const renamed = await app.inject({ method: "PATCH", url, headers, payload: { title: "Fishbowl discussion" } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const resent = await app.inject({ method: "PATCH", url, headers, payload: { scope: "community", communityId } });
    expect(resent.statusCode).toBe(200);
    const moved = await app.inject({ method: "PATCH", url, headers, payload: { scope: "school" } });
    expect(moved.statusCode).toBe(422);
  });

  it("lets the creator, a district leader or the community's facilitator delete a resource", async () => {
    const resource = await shareOk(teacher, { kind: "strategy", title: "Exit slips", scope: "community", communityId });
    const fellow = await buildPerson(t.db, district, "teacher");
    await t.db.insert(communityMembers).values({ districtId: district.id, communityId, personId: fellow.id });
    const remove = async (person: TestPerson) =>
      app.inject({ method: "DELETE", url: `/api/v1/resources/${resource.id}`, headers: await as(person) });
    expect((await remove(fellow)).statusCode).toBe(403);
    expect((await remove(coach)).statusCode).toBe(200);
    expect((await remove(coach)).statusCode).toBe(404);
    const audit = await t.db.execute<{ action: string }>(
      sql`select action from audit_log where subject_id = ${resource.id} order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["resource.created", "resource.deleted"]);
  });
});

describe("comments, ratings and classroom uses", () => {
  it("records comments, one usefulness rating per person, and uses with a reflection", async () => {
    const resource = await shareOk(coach, {
      kind: "strategy",
      title: "Hinge questions",
      scope: "community",
      communityId,
    });
    const headers = await as(teacher);
    const url = `/api/v1/resources/${resource.id}`;
    const comment = await app.inject({
      method: "POST",
      url: `${url}/comments`,
      headers,
      payload: { body: "Worked well before the exit ticket." },
    });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(comment.json()).toMatchObject({ author: { id: teacher.id }, body: "Worked well before the exit ticket." });
    expect(
      (await app.inject({ method: "PUT", url: `${url}/rating`, headers, payload: { usefulness: 2 } })).statusCode,
    ).toBe(200);
    const rated = await app.inject({ method: "PUT", url: `${url}/rating`, headers, payload: { usefulness: 5 } });
    expect(rated.json()).toMatchObject({ ratingCount: 1, averageUsefulness: 5, myRating: 5 });
    const byGuest = await app.inject({
      method: "PUT",
      url: `${url}/rating`,
      headers: await as(parent),
      payload: { usefulness: 4 },
    });
    expect(byGuest.json()).toMatchObject({ ratingCount: 2, averageUsefulness: 4.5, myRating: 4 });
    const use = await app.inject({
      method: "POST",
      url: `${url}/uses`,
      headers,
      payload: { usedOn: "2026-10-05", reflection: "Half the class chose B: retaught with a number line." },
    });
    expect(use.statusCode, use.body).toBe(201);
    expect(use.json()).toMatchObject({ usedOn: "2026-10-05", person: { id: teacher.id } });

    const detail = (await app.inject({ url, headers })).json();
    expect(detail).toMatchObject({ commentCount: 1, useCount: 1, ratingCount: 2 });
    expect(detail.comments).toHaveLength(1);
    expect(detail.uses[0]).toMatchObject({ reflection: "Half the class chose B: retaught with a number line." });
    const audit = await t.db.execute<{ action: string }>(
      sql`select action from audit_log where subject_id = ${resource.id} order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      "resource.created",
      "resource.commented",
      "resource.rated",
      "resource.rated",
      "resource.rated",
      "resource.use_recorded",
    ]);
  });

  it("refuses bad ratings, uses and comments, naming the field", async () => {
    const resource = await shareOk(teacher, { kind: "strategy", title: "Whiteboards up", scope: "district" });
    const headers = await as(teacher);
    const url = `/api/v1/resources/${resource.id}`;
    const cases: [string, string, Record<string, unknown>, string][] = [
      ["PUT", "rating", { usefulness: 6 }, "/body/usefulness"],
      ["PUT", "rating", { usefulness: 2.5 }, "/body/usefulness"],
      ["POST", "uses", { usedOn: "yesterday", reflection: "Fine" }, "/body/usedOn"],
      ["POST", "uses", { usedOn: "2026-10-05", reflection: "" }, "/body/reflection"],
      ["POST", "uses", { usedOn: "2026-10-05", reflection: "x".repeat(2001) }, "/body/reflection"],
      ["POST", "comments", { body: "  " }, "/body/body"],
    ];
    for (const [method, path, payload, pointer] of cases) {
      const response = await app.inject({ method: method as "POST", url: `${url}/${path}`, headers, payload });
      expect(response.statusCode, `${path} ${JSON.stringify(payload)}`).toBe(400);
      expect(response.json().errors[0].pointer).toBe(pointer);
    }
  });

  it("keeps community members who are not staff to their communities' resources", async () => {
    const districtWide = await shareOk(teacher, { kind: "strategy", title: "Jigsaw", scope: "district" });
    const headers = await as(parent);
    expect((await app.inject({ url: `/api/v1/resources/${districtWide.id}`, headers })).statusCode).toBe(404);
    const comment = await app.inject({
      method: "POST",
      url: `/api/v1/resources/${districtWide.id}/comments`,
      headers,
      payload: { body: "Hello" },
    });
    expect(comment.statusCode).toBe(404);
  });
});

describe("search", () => {
  it("finds resources by words in their description and their tags, best match first", async () => {
    const own = await buildDistrict(t.db, "Search district");
    const author = await buildPerson(t.db, own, "coach");
    const reader = await buildPerson(t.db, own, "support_staff");
    await shareOk(author, {
      kind: "lesson_plan",
      title: "Comparing fractions with pattern blocks",
      description: "Hands-on work with halves and thirds.",
      tags: ["manipulatives"],
      gradeLevels: ["3"],
      subjects: ["Mathematics"],
      scope: "district",
    });
    await shareOk(author, {
      kind: "strategy",
      title: "Number line warm-up",
      description: "A daily routine where students estimate where fractions belong.",
      tags: ["routine"],
      gradeLevels: ["4"],
      subjects: ["Mathematics"],
      scope: "district",
    });
    await shareOk(author, {
      kind: "link",
      title: "Reading conferences",
      url: "https://example.org/conferring",
      description: "Notes templates for one-on-one reading conferences.",
      tags: ["literacy", "conferring"],
      subjects: ["English language arts"],
      scope: "district",
    });
    await shareOk(author, { kind: "strategy", title: "Private fraction ideas", scope: "private" });

    expect(await search(reader, "q=fraction")).toEqual([
      "Comparing fractions with pattern blocks",
      "Number line warm-up",
    ]);
    expect(await search(reader, "q=estimate")).toEqual(["Number line warm-up"]);
    expect(await search(reader, "q=manipulatives")).toEqual(["Comparing fractions with pattern blocks"]);
    expect(await search(reader, "q=conferring%20-video")).toEqual(["Reading conferences"]);
    expect(await search(reader, "q=%22one-on-one%20reading%22")).toEqual(["Reading conferences"]);
    expect(await search(reader, "q=fractions&gradeLevel=4")).toEqual(["Number line warm-up"]);
    expect(await search(reader, "q=fractions&kind=lesson_plan")).toEqual(["Comparing fractions with pattern blocks"]);
    expect(await search(reader, "tag=LITERACY")).toEqual(["Reading conferences"]);
    expect(await search(reader, "subject=english%20language%20arts")).toEqual(["Reading conferences"]);
    expect(await search(author, "q=fraction")).toContain("Private fraction ideas");
  });

  it("sorts by newest or by usefulness", async () => {
    const other = await buildDistrict(t.db, "Sorting district");
    const author = await buildPerson(t.db, other, "teacher");
    const rater = await buildPerson(t.db, other, "teacher");
    const first = await shareOk(author, { kind: "strategy", title: "Think aloud", scope: "district" });
    await shareOk(author, { kind: "strategy", title: "Anchor charts", scope: "district" });
    await app.inject({
      method: "PUT",
      url: `/api/v1/resources/${first.id}/rating`,
      headers: await as(rater),
      payload: { usefulness: 5 },
    });
    expect(await search(rater, "sort=newest")).toEqual(["Anchor charts", "Think aloud"]);
    expect(await search(rater, "sort=useful")).toEqual(["Think aloud", "Anchor charts"]);
  });
});

describe("another district", () => {
  it("gets 404 for every one of its resources and never sees them listed", async () => {
    const resource = await shareOk(teacher, {
      kind: "strategy",
      title: "Secret sauce",
      scope: "district",
    });
    const elsewhere = await buildDistrict(t.db, "Elsewhere");
    const leader = await buildPerson(t.db, elsewhere, "district_leader");
    const headers = await as(leader);
    const url = `/api/v1/resources/${resource.id}`;
    for (const [method, path, payload] of [
      ["GET", url, undefined],
      ["PATCH", url, { title: "Ours" }],
      ["DELETE", url, undefined],
      ["POST", `${url}/comments`, { body: "Hi" }],
      ["PUT", `${url}/rating`, { usefulness: 1 }],
      ["POST", `${url}/uses`, { usedOn: "2026-10-01", reflection: "x" }],
    ] as const) {
      const response = await app.inject({ method, url: path, headers, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${path}`).toBe(404);
    }
    expect(await search(leader, "q=secret")).toEqual([]);
  });
});
