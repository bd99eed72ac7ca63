import { Link } from "@tanstack/react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { useMe } from "../auth/me.api";
import { AREA_PAGES, type AreaPageKey } from "./area-pages";

/** An area that is not built yet: says plainly what will live there. */
export function AreaPage({ area }: { area: AreaPageKey }) {
  const me = useMe();
  const page = AREA_PAGES[area];
  if (!me.navigation.includes(area)) {
    return (
      <>
        <PageHeader title={page.title} />
        <p>This area is not available with your roles.</p>
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title={page.title} description={page.intro} />
      <EmptyState title="Nothing here yet">
        <p>This part of Collective is still being built. When it is ready, you will find here:</p>
        <ul>
          {page.coming.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </EmptyState>
    </>
  );
}
