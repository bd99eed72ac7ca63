import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { compareGrades, gradeLabel } from "../../../../contract/standards";
import { EmptyState } from "../../components/EmptyState";
import { SelectField, TextField } from "../../components/Field";
import { FilterBar } from "../../components/FilterBar";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { useMe } from "../auth/me.api";
import { FrameworkBar } from "./FrameworkBar";
import { ImportStandardsDialog } from "./ImportStandardsDialog";
import { StandardDetailPanel } from "./StandardDetailPanel";
import { StandardSearchResults } from "./StandardSearchResults";
import styles from "./StandardsPage.module.css";
import { StandardsTree } from "./StandardsTree";
import { frameworksQuery, treeQuery } from "./standards.api";
import type { StandardsSearch } from "./standards-search";

const route = getRouteApi("/signed-in/standards");
const PAGE_SIZE = 20;

/** The district's standards frameworks: browse by framework, grade and subject, search, and open a standard. */
export function StandardsPage() {
  const me = useMe();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [isImporting, setIsImporting] = useState(false);
  const [query, setQuery] = useState(search.q ?? "");
  const isAllowed = me.navigation.includes("standards");
  const frameworks = useQuery({ ...frameworksQuery(undefined), enabled: isAllowed });

  function update(next: Partial<StandardsSearch>) {
    navigate({ search: (previous) => ({ ...previous, page: undefined, ...next }), replace: true });
  }

  if (!isAllowed) {
    return (
      <>
        <PageHeader title="Standards" />
        <p>Standards are available to district staff.</p>
      </>
    );
  }
  const canImport = frameworks.data?.can.import ?? false;
  const importButton = canImport ? (
    <button type="button" className="button" onClick={() => setIsImporting(true)}>
      Import standards
    </button>
  ) : null;
  const all = frameworks.data?.items ?? [];
  const subjects = [...new Set(all.flatMap((f) => f.subjects))].sort((a, b) => a.localeCompare(b));
  const shown = search.subject ? all.filter((f) => f.subjects.includes(search.subject as string)) : all;
  const framework = shown.find((f) => f.id === search.frameworkId) ?? shown[0];

  function handleSearch(event: FormEvent) {
    event.preventDefault();
    update({ q: query.trim() || undefined });
  }

  return (
    <>
      <PageHeader
        title="Standards"
        description="The standards frameworks of the district, by grade and subject, and the learning targets teams write under them."
        actions={importButton}
      />
      <QueryResult
        query={frameworks}
        loadingLabel="Loading frameworks…"
        isEmpty={() => all.length === 0}
        empty={
          <EmptyState title="No standards yet" action={importButton}>
            <p>
              {canImport
                ? "Import a standards framework in CASE format (a file or a CASE server's address) to browse it here."
                : "When a district leader imports a standards framework, you will browse and search it here."}
            </p>
          </EmptyState>
        }
      >
        {() => (
          <>
            <FilterBar label="Standards">
              {subjects.length > 1 ? (
                <SelectField
                  label="Subject"
                  value={search.subject ?? ""}
                  onChange={(event) => update({ subject: event.target.value || undefined, frameworkId: undefined })}
                >
                  <option value="">All subjects</option>
                  {subjects.map((subject) => (
                    <option key={subject}>{subject}</option>
                  ))}
                </SelectField>
              ) : null}
              <SelectField
                label="Framework"
                value={framework?.id ?? ""}
                onChange={(event) => update({ frameworkId: event.target.value, grade: undefined })}
              >
                {shown.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.title}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="Grade"
                value={search.grade ?? ""}
                onChange={(event) => update({ grade: event.target.value || undefined })}
              >
                <option value="">All grades</option>
                {[...(framework?.grades ?? [])].sort(compareGrades).map((grade) => (
                  <option key={grade} value={grade}>
                    {gradeLabel(grade)}
                  </option>
                ))}
              </SelectField>
              <form onSubmit={handleSearch} className={styles.search}>
                <TextField
                  label="Search by code or words"
                  type="search"
                  value={query}
                  placeholder="RL.3.1 or figurative language"
                  onChange={(event) => setQuery(event.target.value)}
                />
                <button type="submit" className="button button-secondary">
                  Search
                </button>
              </form>
            </FilterBar>
            {framework ? (
              <FrameworkBar
                framework={framework}
                onDeleted={() => update({ frameworkId: undefined, standardId: undefined })}
              />
            ) : null}
            <div className={styles.layout}>
              <section className={`panel ${styles.browser}`} aria-labelledby="standards-browser-heading">
                <h2 id="standards-browser-heading">{search.q ? "Search results" : "Browse"}</h2>
                {search.q ? (
                  <>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setQuery("");
                        update({ q: undefined });
                      }}
                    >
                      Back to browsing
                    </button>
                    <StandardSearchResults
                      params={{
                        q: search.q,
                        grade: search.grade,
                        subject: search.subject,
                        page: search.page ?? 1,
                        pageSize: PAGE_SIZE,
                      }}
                      selectedId={search.standardId}
                      onSelect={(hit) =>
                        update({ standardId: hit.id, frameworkId: hit.frameworkId, page: search.page })
                      }
                      onPageChange={(page) => update({ page })}
                    />
                  </>
                ) : framework ? (
                  <FrameworkTree
                    frameworkId={framework.id}
                    title={framework.title}
                    search={search}
                    onSelect={(id) => update({ standardId: id })}
                  />
                ) : (
                  <p>No framework for this subject.</p>
                )}
              </section>
              <div className={styles.detail}>
                {search.standardId ? (
                  <StandardDetailPanel
                    standardId={search.standardId}
                    onSelect={(id) => update({ standardId: id, page: search.page })}
                    onClose={() => update({ standardId: undefined, page: search.page })}
                  />
                ) : (
                  <p className={`muted ${styles.hint}`}>
                    Choose a standard to see its full statement and the learning targets under it.
                  </p>
                )}
              </div>
            </div>
          </>
        )}
      </QueryResult>
      <ImportStandardsDialog
        open={isImporting}
        onClose={() => setIsImporting(false)}
        onImported={(report) => update({ frameworkId: report.framework.id, subject: undefined, grade: undefined })}
      />
    </>
  );
}

type FrameworkTreeProps = {
  frameworkId: string;
  title: string;
  search: StandardsSearch;
  onSelect: (id: string) => void;
};

function FrameworkTree({ frameworkId, title, search, onSelect }: FrameworkTreeProps) {
  const tree = useQuery(treeQuery(frameworkId, search.grade));
  if (tree.isPending) return <Loading label="Loading the framework…" />;
  if (tree.isError) return <ErrorNotice error={tree.error} onRetry={() => tree.refetch()} />;
  if (tree.data.items.length === 0) {
    return (
      <p>{search.grade ? "No standard of this framework is for that grade." : "This framework has no standards."}</p>
    );
  }
  return (
    <StandardsTree
      key={`${frameworkId}-${search.grade ?? ""}`}
      label={title}
      nodes={tree.data.items}
      selectedId={search.standardId}
      onSelect={onSelect}
    />
  );
}
