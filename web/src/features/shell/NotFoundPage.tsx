import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { SkipLink } from "./SkipLink";

/** Shown for an address that matches no page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="not-found">
      <PageHeader title={t("notFound.title")} description={t("notFound.description")} />
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </div>
  );
}

/** The same message for addresses outside every layout, with a frame of its own so it still has landmarks. */
export function NotFoundScreen() {
  return (
    <div className="auth-layout">
      <SkipLink />
      <header className="auth-header">
        <span className="brand-name">Collective</span>
      </header>
      <main id="main" tabIndex={-1} className="auth-main">
        <div className="auth-card">
          <NotFoundPage />
        </div>
      </main>
    </div>
  );
}
