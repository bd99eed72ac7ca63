import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader";
import { schoolHomeQuery } from "./home.api";
import { SchoolHomeSection } from "./SchoolHomeSection";

const route = getRouteApi("/signed-in/home/schools/$schoolId");

/** A school's teams, the district leader's drill-down from their home (a school's leaders see it on theirs). */
export function SchoolHomePage() {
  const { schoolId } = route.useParams();
  const name = useQuery(schoolHomeQuery(schoolId)).data?.school.name ?? "School";
  return (
    <>
      <PageHeader title={name} description="Every team of the school, with the alerts that need attention." />
      <p>
        <Link to="/">Back to the schools at a glance</Link>
      </p>
      <SchoolHomeSection schoolId={schoolId} schoolName={name} />
    </>
  );
}
