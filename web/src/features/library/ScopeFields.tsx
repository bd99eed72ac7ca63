import { useQuery } from "@tanstack/react-query";
import { RESOURCE_SCOPE_LABELS, RESOURCE_SCOPES, ResourceScope } from "../../../../contract/library";
import { SelectField } from "../../components/Field";
import { useMe } from "../auth/me.api";
import { myCommunitiesQuery } from "./library.api";

export type Placement = { scope: ResourceScope; communityId: string; schoolId: string };

type ScopeFieldsProps = {
  value: Placement;
  onChange: (next: Placement) => void;
  errors: { scope?: string | undefined; communityId?: string | undefined; schoolId?: string | undefined };
};

/** Where a resource is shared: only me, one of my communities, a school of mine, or the district. */
export function ScopeFields({ value, onChange, errors }: ScopeFieldsProps) {
  const me = useMe();
  const communities = useQuery(myCommunitiesQuery);
  const schools = me.resourceSchools;
  return (
    <>
      <SelectField
        label="Share with"
        value={value.scope}
        onChange={(event) => onChange({ ...value, scope: ResourceScope.parse(event.target.value) })}
        error={errors.scope}
      >
        {RESOURCE_SCOPES.map((scope) => (
          <option key={scope} value={scope}>
            {RESOURCE_SCOPE_LABELS[scope]}
          </option>
        ))}
      </SelectField>
      {value.scope === "community" ? (
        <SelectField
          label="Community"
          value={value.communityId}
          onChange={(event) => onChange({ ...value, communityId: event.target.value })}
          error={errors.communityId}
          hint={communities.isError ? "Your communities could not be loaded." : undefined}
        >
          <option value="">Choose a community</option>
          {(communities.data?.items ?? []).map((community) => (
            <option key={community.id} value={community.id}>
              {community.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {value.scope === "school" ? (
        <SelectField
          label="School"
          value={value.schoolId}
          onChange={(event) => onChange({ ...value, schoolId: event.target.value })}
          error={errors.schoolId}
        >
          <option value="">Choose a school</option>
          {schools.map((school) => (
            <option key={school.id} value={school.id}>
              {school.name}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
