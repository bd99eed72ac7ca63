import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { FilteredList } from "../../components/FilteredList";
import { PageHeader } from "../../components/PageHeader";
import { TargetRollupSection } from "../analysis/TargetRollupSection";
import { useMe } from "../auth/me.api";
import { StudentsFilters } from "./StudentsFilters";
import { StudentsTable } from "./StudentsTable";
import { studentsListQuery } from "./students.api";
import { StudentsSearch } from "./students-search";

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
      <FilteredList
        filters={
          <StudentsFilters
            filters={{ q: search.q, schoolId: search.schoolId, classId: search.classId, grade: search.grade }}
            onChange={updateSearch}
          />
        }
        list={students}
        loadingLabel="Loading students…"
        isFiltered={isFiltered}
        onClearFilters={() => updateSearch({ q: undefined, schoolId: undefined, classId: undefined, grade: undefined })}
        empty={{
          title: "No students yet",
          hint: "Students appear here once the district's roster is imported and you teach, lead or share a team with their classes.",
          filteredTitle: "No student matches these filters",
          filteredHint: "Try another name or student number, or widen the school, class or grade.",
        }}
        pager={{
          label: "Student pages",
          page,
          pageSize: PAGE_SIZE,
          onPageChange: (next) => navigate({ search: (previous) => ({ ...previous, page: next }) }),
        }}
      >
        {(items) => (
          <StudentsTable
            students={items}
            sort={sort}
            onSort={(key) => updateSearch({ sort: StudentsSearch.shape.sort.parse(key) })}
          />
        )}
      </FilteredList>
    </section>
  );
}
