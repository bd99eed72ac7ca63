import { Agent, fetch, type Response } from "undici";
import { HttpProblem } from "../../errors";
import { isPrivateLiteral, PrivateAddressError, publicOnlyLookup } from "../../http/public-address";

/** The largest CFPackage accepted, by upload or by URL; whole state frameworks stay well below it. */
export const MAX_PACKAGE_BYTES = 50 * 1024 * 1024;
/** How long the server waits for a CASE server to send a whole package. */
export const FETCH_TIMEOUT_MS = 30_000;

/** How many redirects a CASE server may send before the import gives up. */
const MAX_REDIRECTS = 5;

const POINTER = "/body/url";

const PRIVATE_REFUSAL =
  "That address is inside a private network, and standards are fetched only from public addresses. " +
  "Download the package and upload the file instead, or ask the administrator to allow private addresses.";

// Connections are short-lived: a framework is fetched once, so idle sockets are not kept around.
const publicOnly = new Agent({ connect: { lookup: publicOnlyLookup }, keepAliveTimeout: 1000 });
const anyAddress = new Agent({ keepAliveTimeout: 1000 });

function refuse(detail: string): never {
  throw new HttpProblem(422, "Unprocessable content", detail, [{ pointer: POINTER, detail }]);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * The address to ask for the package. CASE 1.0 servers answer GET …/ims/case/v1p0/CFPackages/{id} with the
 * whole framework; a link to the framework's CFDocument (what people usually copy) is turned into that.
 */
export function packageUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    refuse("This is not a web address. Give an http:// or https:// address.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    refuse("Only http:// and https:// addresses can be imported.");
  }
  if (url.username || url.password) refuse("Leave user names and passwords out of the address.");
  url.hash = "";
  url.pathname = url.pathname.replace(/(\/ims\/case\/v1p0\/)CFDocuments(\/[^/]+\/?)$/i, "$1CFPackages$2");
  return url;
}

/** Parses a package's bytes: UTF-8, with or without a byte-order mark. */
export function parsePackageBytes(bytes: Uint8Array): unknown | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  const tooLarge = () => refuse(`The package at that address is larger than the ${megabytes(maxBytes)} limit.`);
  if (declared > maxBytes) {
    await response.body?.cancel();
    tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a CFPackage from a CASE server or any http(s) address, within a time and size limit. Unless private
 * addresses are allowed (a CASE server inside the district's network), every hop, redirects included, must
 * lead to a public address, so a URL import cannot be turned against the server's own network.
 * Every failure is a 422 problem naming /body/url with what went wrong, in words.
 */
export async function fetchCasePackage(
  input: string,
  options: { maxBytes?: number; timeoutMs?: number; allowPrivate?: boolean } = {},
): Promise<{ url: string; json: unknown }> {
  let url = packageUrl(input);
  const maxBytes = options.maxBytes ?? MAX_PACKAGE_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const allowPrivate = options.allowPrivate ?? false;
  const signal = AbortSignal.timeout(timeoutMs);
  let bytes: Uint8Array;
  try {
    let response: Response;
    for (let hop = 0; ; hop++) {
      if (!allowPrivate && isPrivateLiteral(url.hostname)) refuse(PRIVATE_REFUSAL);
      response = await fetch(url, {
        signal,
        redirect: "manual",
        headers: { accept: "application/json" },
        dispatcher: allowPrivate ? anyAddress : publicOnly,
      });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status > 399 || !location) break;
      await response.body?.cancel();
      if (hop === MAX_REDIRECTS) refuse(`The server at that address redirected more than ${MAX_REDIRECTS} times.`);
      url = packageUrl(new URL(location, url).toString());
    }
    if (!response.ok) {
      await response.body?.cancel();
      refuse(
        `The server at that address answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
      );
    }
    bytes = await readLimited(response, maxBytes);
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    if (error instanceof Error && error.cause instanceof PrivateAddressError) refuse(PRIVATE_REFUSAL);
    if (signal.aborted)
      refuse(`The server at that address did not send the package within ${timeoutMs / 1000} seconds.`);
    refuse("The server at that address could not be reached.");
  }
  const json = parsePackageBytes(bytes);
  if (json === undefined) refuse("The address did not return JSON. Give the address of a CASE CFPackage.");
  return { url: url.toString(), json };
}
