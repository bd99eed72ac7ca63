import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  RosterImport,
  RosterImportEvent,
  RosterImportPage,
  type RosterImport as RosterImportRecord,
} from "../../../../contract/rosters";
import { ApiError, api, problemToError, reportUnauthorized } from "../../api/client";

export function rosterImportsQuery(params: { page: number; pageSize: number }) {
  return queryOptions({
    queryKey: ["rosters", "imports", params],
    queryFn: () => api("/rosters/imports", RosterImportPage, { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function rosterImportQuery(id: string) {
  return queryOptions({
    queryKey: ["rosters", "import", id],
    queryFn: () => api(`/rosters/imports/${id}`, RosterImport),
  });
}

export type ProgressEvent = Extract<RosterImportEvent, { type: "progress" }>;

/**
 * Uploads a OneRoster set and follows the import as it runs: the server answers with one JSON line per
 * progress event, then the import record. Resolves with the record; a refused upload rejects with ApiError.
 */
export async function runRosterImport(
  files: readonly File[],
  onProgress: (event: ProgressEvent) => void,
): Promise<RosterImportRecord> {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  let response: Response;
  try {
    response = await fetch("/api/v1/rosters/imports", {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/x-ndjson" },
      body: form,
    });
  } catch {
    throw new ApiError(0, "Network error", "Could not reach the server. Check your connection and try again.");
  }
  if (!response.ok || !response.body) {
    if (response.status === 401) reportUnauthorized();
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw problemToError(response.status, response.statusText, body);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of done ? [...lines, buffered] : lines) {
      if (!line.trim()) continue;
      const event = RosterImportEvent.parse(JSON.parse(line));
      if (event.type === "progress") onProgress(event);
      else if (event.type === "result") return event.import;
      else throw new ApiError(500, "Import failed", event.message);
    }
    if (done) break;
  }
  throw new ApiError(
    0,
    "Import interrupted",
    "The connection closed before the import finished. Check the list of past imports.",
  );
}
