import { Outlet } from "@tanstack/react-router";
import { SkipLink } from "../shell/SkipLink";

/** The frame for pages used before signing in: the product name and one centred card. */
export function AuthLayout() {
  return (
    <div className="auth-layout">
      <SkipLink />
      <header className="auth-header">
        <span className="brand-name">Collective</span>
      </header>
      <main id="main" tabIndex={-1} className="auth-main">
        <div className="auth-card">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
