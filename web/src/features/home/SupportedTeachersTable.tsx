import { Link } from "@tanstack/react-router";
import type { EducatorHome } from "../../../../contract/home";

/** The teachers of the teams the reader facilitates, each count leading to the team's records it comes from. */
export function SupportedTeachersTable({ teachers }: { teachers: EducatorHome["teachers"] }) {
  return (
    // A scrolling region must be reachable by keyboard so its hidden columns can be scrolled into view.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the region scrolls horizontally on narrow screens
    <section className="table-scroll" aria-label="Teachers I support" tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">Teachers I support</caption>
        <thead>
          <tr>
            <th scope="col">Teacher</th>
            <th scope="col">Overdue action items</th>
            <th scope="col">Students without results</th>
            <th scope="col">Students with a review overdue</th>
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
                  <span className="visually-hidden"> overdue action items of {row.person.name}</span>
                </Link>
              </td>
              <td>
                <Link to="/communities/$communityId/assessments" params={{ communityId: row.community.id }}>
                  {row.studentsWithoutResults}
                  <span className="visually-hidden"> students of {row.person.name} without results</span>
                </Link>
              </td>
              <td>
                <Link to="/communities/$communityId/review" params={{ communityId: row.community.id }}>
                  {row.studentsOverdueReview}
                  <span className="visually-hidden"> students of {row.person.name} with a review overdue</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
