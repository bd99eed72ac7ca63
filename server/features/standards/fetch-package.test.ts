import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpProblem } from "../../errors";
import { isPublicAddress } from "../../http/public-address";
import { casePackageFile } from "../../test/case-fixtures";
import { buildDistrict, buildPerson, type TestPerson } from "../../test/factories";
import { createTestApp, sessionHeaders, type TestApp } from "../../test/test-app";
import { fetchCasePackage, packageUrl } from "./fetch-package";

const ORDERING_ID = "a33fc64e-5c40-11e7-82c4-3d54268aa9ee";

let t: Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
let leader: TestPerson;
let server: Server;
let base: string;
const requested: string[] = [];

/** A stand-in for a CASE server: the CASE 1.0 package route, and misbehaving answers to refuse. */
function startCaseServer(): Promise<void> {
  server = createServer((request, response) => {
    const url = request.url ?? "";
    requested.push(url);
    if (url === `/ims/case/v1p0/CFPackages/${ORDERING_ID}`) {
      response.writeHead(200, { "content-type": "application/json" }).end(casePackageFile("Ordering"));
    } else if (url === "/huge-declared") {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(60 * 1024 * 1024) });
      response.write("{");
    } else if (url === "/huge-streamed") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(`{"padding": "${"x".repeat(5000)}"}`);
    } else if (url === "/slow") {
      // Never answers; the client has to give up.
    } else if (url === "/moved") {
      response.writeHead(302, { location: `/ims/case/v1p0/CFDocuments/${ORDERING_ID}` }).end();
    } else if (url === "/loop") {
      response.writeHead(302, { location: "/loop" }).end();
    } else if (url === "/html") {
      response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><p>Sign in</p>");
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
}

beforeAll(async () => {
  // The stand-in CASE server listens on loopback, which only an app that allows private addresses may reach.
  t = await createTestApp({ env: { FETCH_PRIVATE_ADDRESSES: "allow" } });
  app = t.app;
  leader = await buildPerson(t.db, await buildDistrict(t.db), "district_leader");
  await startCaseServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

async function importUrl(url: string) {
  return app.inject({
    method: "POST",
    url: "/api/v1/standards/frameworks",
    headers: await sessionHeaders(t.db, leader),
    payload: { url },
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpProblem);
  expect((error as HttpProblem).fieldErrors?.[0]?.pointer).toBe("/body/url");
  return (error as HttpProblem).detail ?? "";
}

describe("the package address", () => {
  it("turns a CFDocuments link into the CASE 1.0 CFPackages request", () => {
    expect(packageUrl(`https://case.example.org/ims/case/v1p0/CFDocuments/${ORDERING_ID}`).toString()).toBe(
      `https://case.example.org/ims/case/v1p0/CFPackages/${ORDERING_ID}`,
    );
    expect(packageUrl(`https://case.example.org/ims/case/v1p0/CFPackages/${ORDERING_ID}`).pathname).toBe(
      `/ims/case/v1p0/CFPackages/${ORDERING_ID}`,
    );
    expect(packageUrl("https://example.org/frameworks/ela.json#top").toString()).toBe(
      "https://example.org/frameworks/ela.json",
    );
  });
});

describe("importing from a URL", () => {
  it("fetches the package from a CASE server and records where it came from", async () => {
    const response = await importUrl(`${base}/ims/case/v1p0/CFDocuments/${ORDERING_ID}`);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      counts: { items: 28 },
      framework: {
        title: "ACT Holistic Framework, Math",
        sourceUrl: `${base}/ims/case/v1p0/CFPackages/${ORDERING_ID}`,
      },
    });
    expect(requested).toContain(`/ims/case/v1p0/CFPackages/${ORDERING_ID}`);
  });

  it("refuses addresses that are not http or https", async () => {
    for (const url of [
      "file:///etc/passwd",
      "ftp://example.org/x.json",
      "not a url",
      "http://user:secret@127.0.0.1/x",
    ]) {
      const response = await importUrl(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.json().errors[0].pointer).toBe("/body/url");
    }
  });

  it("refuses a package larger than the limit, by its declared length, without reading it", async () => {
    const response = await importUrl(`${base}/huge-declared`);
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain("larger than the 50 MB limit");
  });

  it("refuses a package that grows past the limit while it streams", async () => {
    const detail = await refusal(fetchCasePackage(`${base}/huge-streamed`, { maxBytes: 1000, allowPrivate: true }));
    expect(detail).toContain("larger than");
  });

  it("gives up on a server that does not answer in time", async () => {
    const started = Date.now();
    const detail = await refusal(fetchCasePackage(`${base}/slow`, { timeoutMs: 300, allowPrivate: true }));
    expect(detail).toContain("within 0.3 seconds");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("says what the server answered when it is not a package", async () => {
    const missing = await importUrl(`${base}/ims/case/v1p0/CFPackages/00000000-0000-0000-0000-000000000000`);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().detail).toContain("answered 404");
    const html = await importUrl(`${base}/html`);
    expect(html.statusCode).toBe(422);
    expect(html.json().detail).toContain("did not return JSON");
  });

  it("says so when nothing listens at the address", async () => {
    const detail = await refusal(
      fetchCasePackage("http://127.0.0.1:1/x.json", { timeoutMs: 2000, allowPrivate: true }),
    );
    expect(detail).toContain("could not be reached");
  });
});

describe("private addresses", () => {
  it("follows a CASE server's redirects, but not forever", async () => {
    const moved = await fetchCasePackage(`${base}/moved`, { allowPrivate: true });
    expect(moved.url).toBe(`${base}/ims/case/v1p0/CFPackages/${ORDERING_ID}`);
    const detail = await refusal(fetchCasePackage(`${base}/loop`, { allowPrivate: true }));
    expect(detail).toContain("redirected more than 5 times");
  });

  it("are refused by default, by name or by number, before anything is sent", async () => {
    const port = (server.address() as AddressInfo).port;
    const before = requested.length;
    for (const url of [
      `http://127.0.0.1:${port}/ims/case/v1p0/CFPackages/${ORDERING_ID}`,
      `http://localhost:${port}/ims/case/v1p0/CFPackages/${ORDERING_ID}`,
      `http://[::ffff:127.0.0.1]:${port}/x.json`,
      "http://[::1]/x.json",
      "http://0.0.0.0/x.json",
      "http://10.1.2.3/x.json",
      "http://192.168.0.10/x.json",
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      const detail = await refusal(fetchCasePackage(url, { timeoutMs: 2000 }));
      expect(detail, url).toContain("inside a private network");
    }
    expect(requested.length).toBe(before);
  });

  it("are refused through the API unless the administrator allows them", async () => {
    const strict = await createTestApp({ database: t.database });
    try {
      const response = await strict.app.inject({
        method: "POST",
        url: "/api/v1/standards/frameworks",
        headers: await sessionHeaders(t.db, leader),
        payload: { url: `${base}/ims/case/v1p0/CFPackages/${ORDERING_ID}` },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ errors: [{ pointer: "/body/url" }] });
      expect(response.json().detail).toContain("inside a private network");
    } finally {
      await strict.close();
    }
  });
});

describe("which addresses are public", () => {
  it("counts only global unicast addresses as public", () => {
    for (const address of ["8.8.8.8", "151.101.1.69", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.169.254",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "not an address",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});
