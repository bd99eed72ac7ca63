import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { TargetRollupSection } from "../analysis/TargetRollupSection";
import { useMe } from "../auth/me.api";
import { StudentsFilters } from "./StudentsFilters";
import { StudentsTable } from "./StudentsTable";
import { studentsListQuery } from "./students.api";
import { StudentsSearch } from "./students-search";
import "../analysis/analysis.css";

const route = getRouteApi("/signed-in/students");
const PAGE_SIZE = 25;

/** Students & data: the students one may see (their classes, their team's, their school's), and for leaders the rollup. */
export function StudentsPage() {
  const me = useMe();
  if (!me.navigation.includes("students")) {
    return (
      <>
        <PageHeader title="Students & data" />
        <p>This area is for school staff.</p>
        {me.can.readOwnChildren ? (
          <p>
            <Link to="/family">See what your children are learning</Link>
          </p>
        ) : null}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Students & data"
        description="The students you work with: those in your classes, your team's classes, and the schools you lead."
      />
      <StudentsList />
      {me.can.readTargetRollup ? <TargetRollupSection /> : null}
    </>
  );
}

function StudentsList() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [filtersVersion, setFiltersVersion] = useState(0);
  const sort = search.sort ?? "name";
  const page = search.page ?? 1;
  const students = useQuery(
    studentsListQuery({
      q: search.q,
      schoolId: search.schoolId,
      classId: search.classId,
      grade: search.grade,
      sort,
      page,
      pageSize: PAGE_SIZE,
    }),
  );
  const isFiltered = Boolean(search.q || search.schoolId || search.classId || search.grade);

  function updateSearch(next: Partial<StudentsSearch>) {
    // Any change but paging itself starts again from the first page.
    navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }), replace: true });
  }

  return (
    <section aria-labelledby="students-list">
      <h2 id="students-list" className="visually-hidden">
        Students
      </h2>
      <StudentsFilters
        key={filtersVersion}
        filters={{ q: search.q, schoolId: search.schoolId, classId: search.classId, grade: search.grade }}
        onChange={updateSearch}
      />
      {students.isPending ? (
        <Loading label="Loading students…" />
      ) : students.isError ? (
        <ErrorNotice error={students.error} onRetry={() => students.refetch()} />
      ) : students.data.items.length === 0 ? (
        <EmptyState
          title={isFiltered ? "No student matches these filters" : "No students yet"}
          action={
            isFiltered ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setFiltersVersion((version) => version + 1);
                  updateSearch({ q: undefined, schoolId: undefined, classId: undefined, grade: undefined });
                }}
              >
                Clear filters
              </button>
            ) : null
          }
        >
          <p>
            {isFiltered
              ? "Try another name or student number, or widen the school, class or grade."
              : "Students appear here once the district's roster is imported and you teach, lead or share a team with their classes."}
          </p>
        </EmptyState>
      ) : (
        <>
          <StudentsTable
            students={students.data.items}
            sort={sort}
            onSort={(key) => updateSearch({ sort: StudentsSearch.shape.sort.parse(key) })}
          />
          <Pager
            label="Student pages"
            page={page}
            pageSize={PAGE_SIZE}
            total={students.data.total}
            onPageChange={(next) => navigate({ search: (previous) => ({ ...previous, page: next }) })}
          />
        </>
      )}
    </section>
  );
}
