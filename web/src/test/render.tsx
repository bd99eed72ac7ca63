import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, type RenderResult, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";
// Components read their words from the catalog, as in the app.
import "../i18n/i18n";

// The machine running the suite is often busy: wait longer than the default second for a screen to settle.
configure({ asyncUtilTimeout: 5_000 });

/** Renders a component with a fresh query cache that never retries, so a failure shows at once. */
export function renderWithQueries(ui: ReactElement): RenderResult {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

type ApiCall = { method: string; path: string; body: unknown };
type Answer = { status: number; body: unknown };

/**
 * Replaces fetch with a stand-in for the API: `answer` sees each call (path without "/api/v1") and says what the
 * server replies. Returns the calls made, for asserting what was sent.
 */
export function stubApi(answer: (call: ApiCall) => Answer): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://localhost");
    const call = {
      method: init.method ?? "GET",
      path: `${url.pathname.replace(/^\/api\/v1/, "")}${url.search}`,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const { status, body } = answer(call);
    const type = status >= 400 ? "application/problem+json" : "application/json";
    return new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
  });
  return calls;
}

/** A problem+json body as the server's one error handler builds it. */
export function problem(status: number, title: string, errors: { pointer: string; detail: string }[] = []) {
  return { type: "about:blank", status, title, detail: title, errors };
}
