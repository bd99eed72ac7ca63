import type { Browser } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { expectAccessible, openPage, sharedBrowser, signIn } from "./support/browser";
import { waitForMailTo } from "./support/mailbox";

// In the demo, Ana Torres reads Spanish; her son Mateo is in Emily Chen's class.
const PARENT = { email: "ana.torres@riverside.example", password: "collective-demo" };
const TEACHER = { email: "emily.chen@riverside.example", password: "collective-demo" };

let browser: Browser;
beforeAll(async () => {
  browser = await sharedBrowser();
});

it("a family writes in Spanish, the teacher is told on the bell and by email in English, answers in Spanish, and the family reads it", async () => {
  const stamp = Date.now().toString(36);
  const family = await openPage(browser);
  await signIn(family.page, PARENT.email, PARENT.password);
  await family.page.goto("/family");
  await family.page.getByRole("heading", { level: 1, name: "Mis hijos" }).waitFor();
  const question = `¿Cómo le va a Mateo con la lectura? (${stamp})`;
  await family.page.getByLabel("Su nota (Mateo)").fill(question);
  await family.page.getByRole("button", { name: "Enviar nota" }).click();
  await family.page.getByText(question).waitFor();

  const teacher = await openPage(browser);
  await signIn(teacher.page, TEACHER.email, TEACHER.password);
  await teacher.page.goto("/");
  const bell = teacher.page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await bell.click();
  await teacher.page
    .getByRole("link", { name: /A family wrote about Mateo/ })
    .first()
    .waitFor();
  // The email is in the teacher's language, English, and names the note's link from configuration.
  const mail = await waitForMailTo(TEACHER.email, "A family wrote about Mateo");
  expect(mail).toContain("Hello Emily Chen,");

  await teacher.page.goto("/family-notes");
  await teacher.page.getByRole("heading", { level: 1, name: "Notes from families" }).waitFor();
  const thread = teacher.page.getByRole("listitem").filter({ has: teacher.page.getByText(question) });
  await thread.waitFor();
  expect(await thread.locator("blockquote[lang=es]").count()).toBe(1);
  const answerForm = thread.getByRole("form", { name: "Answer the family" });
  expect(await answerForm.getByLabel("Written in").inputValue()).toBe("es");
  const answer = `Mateo lee cada día mejor. ¡Gracias por preguntar! (${stamp})`;
  await answerForm.getByLabel("Answer").fill(answer);
  await answerForm.getByRole("button", { name: "Send answer" }).click();
  await thread.locator("p[lang=es]").filter({ hasText: answer }).waitFor();
  await expectAccessible(teacher.page, "notes from families");
  expect(teacher.errors).toEqual([]);
  await teacher.close();

  await family.page.reload();
  await family.page.getByRole("heading", { level: 1, name: "Mis hijos" }).waitFor();
  await family.page.locator("p[lang=es]").filter({ hasText: answer }).waitFor();
  await family.page
    .getByText(/Respuesta de Emily Chen/)
    .first()
    .waitFor();
  // Her whole frame speaks Spanish, the bell too.
  await family.page.getByRole("button", { name: /^Notificaciones, \d+ sin leer$/ }).click();
  await family.page
    .getByRole("link", { name: /La escuela respondió a su nota sobre Mateo/ })
    .first()
    .waitFor();
  expect(family.errors).toEqual([]);
  await family.close();
}, 120_000);
