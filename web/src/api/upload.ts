import type { z } from "zod";
import { ApiError, problemToError, reportUnauthorized } from "./client";

/** How far an upload has gone, as a fraction from 0 to 1 (null when the browser cannot tell). */
export type UploadProgress = (fraction: number | null) => void;

/**
 * Posts a multipart form to the API and parses the answer with the contract schema. It uses
 * XMLHttpRequest because fetch cannot report upload progress; failures become ApiError like api().
 */
export function uploadForm<T extends z.ZodType>(
  path: string,
  form: FormData,
  schema: T,
  onProgress: UploadProgress,
): Promise<z.infer<T>> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1${path}`);
    request.withCredentials = true;
    request.setRequestHeader("accept", "application/json");
    request.responseType = "text";
    request.upload.onprogress = (event) => onProgress(event.lengthComputable ? event.loaded / event.total : null);
    request.onerror = () =>
      reject(new ApiError(0, "Network error", "Could not reach the server. Check your connection and try again."));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(schema.parse(body));
        } catch (error) {
          reject(error);
        }
        return;
      }
      if (request.status === 401) reportUnauthorized();
      reject(problemToError(request.status, request.statusText, body));
    };
    request.send(form);
  });
}
