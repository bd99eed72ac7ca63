// The global styles come first so that each component's CSS Module, imported after them, wins a tie.
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, onUnauthorized } from "./api/client";
import "./i18n/i18n";
import { createAppRouter } from "./routes";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network blips and 5xx might.
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});
const router = createAppRouter(queryClient);

let isRedirecting = false;
onUnauthorized(() => {
  if (isRedirecting) return;
  isRedirecting = true;
  // The latest location includes a navigation still in flight, which is where the person was heading.
  const { href, pathname } = router.latestLocation;
  const redirect = pathname === "/sign-in" || href === "/" ? undefined : href;
  void router.navigate({ to: "/sign-in", search: { redirect } }).finally(() => {
    queryClient.clear();
    isRedirecting = false;
  });
});

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
