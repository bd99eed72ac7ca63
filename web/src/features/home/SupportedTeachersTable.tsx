import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { EducatorHome } from "../../../../contract/home";

/** The teachers of the teams the reader facilitates, each count leading to the team's records it comes from. */
export function SupportedTeachersTable({ teachers }: { teachers: EducatorHome["teachers"] }) {
  const { t } = useTranslation();
  return (
    // A scrolling region must be reachable by keyboard so its hidden columns can be scrolled into view.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls horizontally on narrow screens
    <section className="table-scroll" aria-label={t("home.teachersISupport")} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{t("home.teachersISupport")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("home.teachers.teacher")}</th>
            <th scope="col">{t("home.teachers.overdueItems")}</th>
            <th scope="col">{t("home.teachers.withoutResults")}</th>
            <th scope="col">{t("home.teachers.reviewOverdue")}</th>
          </tr>
        </thead>
        <tbody>
          {teachers.map((row) => (
            <tr key={row.person.id}>
              <th scope="row">
                {row.person.name}{" "}
                <Link to="/communities/$communityId" params={{ communityId: row.community.id }}>
                  ({row.community.name})
                </Link>
              </th>
              <td>
                <Link to="/communities/$communityId" params={{ communityId: row.community.id }}>
                  {row.overdueActionItems}
                  <span className="visually-hidden">
                    {t("home.teachers.overdueItemsOf", { name: row.person.name })}
                  </span>
                </Link>
              </td>
              <td>
                <Link to="/communities/$communityId/assessments" params={{ communityId: row.community.id }}>
                  {row.studentsWithoutResults}
                  <span className="visually-hidden">
                    {t("home.teachers.withoutResultsOf", { name: row.person.name })}
                  </span>
                </Link>
              </td>
              <td>
                <Link to="/communities/$communityId/review" params={{ communityId: row.community.id }}>
                  {row.studentsOverdueReview}
                  <span className="visually-hidden">
                    {t("home.teachers.reviewOverdueOf", { name: row.person.name })}
                  </span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
