import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type Person, ROLE_LABELS } from "../../../../contract/people";
import { formatDate } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { ErrorNotice, Loading } from "../../components/QueryStatus";
import { PersonEditForm } from "./PersonEditForm";
import { PersonStatusActions } from "./PersonStatusActions";
import { personQuery } from "./people.api";
import { STATUS_LABELS } from "./people-search";

const route = getRouteApi("/signed-in/admin/people/$personId");

export function PersonPage() {
  const { personId } = route.useParams();
  const person = useQuery(personQuery(personId));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/people">← All people</Link>
      </p>
      {person.isPending ? (
        <>
          <PageHeader title="Person" />
          <Loading label="Loading person…" />
        </>
      ) : person.isError ? (
        <>
          <PageHeader title="Person" />
          <ErrorNotice error={person.error} onRetry={() => person.refetch()} />
        </>
      ) : (
        <PersonDetails person={person.data} />
      )}
    </>
  );
}

function PersonDetails({ person }: { person: Person }) {
  return (
    <>
      <PageHeader
        title={person.displayName}
        description={
          <>
            <span className={`badge badge-${person.status}`}>{STATUS_LABELS[person.status]}</span> Added{" "}
            {formatDate(person.createdAt)}
          </>
        }
      />
      {person.can.update ? (
        // Remount when the server's copy changes (after deactivate, say) so the form shows fresh values.
        <div className="panel">
          <PersonEditForm key={`${person.id}-${person.status}`} person={person} />
        </div>
      ) : (
        <section className="panel" aria-labelledby="person-details-heading">
          <h2 id="person-details-heading">Details</h2>
          <dl className="details">
            <dt>Email</dt>
            <dd>{person.email || <span className="muted">None yet: add one to invite them</span>}</dd>
            <dt>Preferred language</dt>
            <dd>{person.preferredLanguage === "es" ? <span lang="es">Español</span> : "English"}</dd>
            <dt>Roles</dt>
            <dd>
              <ul className="cell-list">
                {person.roles.map((role) => (
                  <li key={`${role.role}-${role.schoolId ?? ""}`}>
                    {ROLE_LABELS[role.role]} · {role.schoolName ?? "District-wide"}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
        </section>
      )}
      <PersonStatusActions person={person} />
    </>
  );
}
