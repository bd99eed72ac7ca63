import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { DISTRICT_WIDE_ROLES, ROLE_LABELS, ROLES, type RoleAssignment, RoleName } from "../../../../contract/people";
import { SelectField } from "../../components/Field";
import { schoolChoicesQuery } from "../schools/schools.api";
import styles from "./RoleRows.module.css";

type RoleRowsProps = {
  roles: RoleAssignment[];
  onChange: (roles: RoleAssignment[]) => void;
  /** The message for a field path ("roles", "roles/0/schoolId"). */
  errorAt: (path: string) => string | undefined;
};

/** One row per role the person holds: the role, and for school roles, the school. */
export function RoleRows({ roles, onChange, errorAt }: RoleRowsProps) {
  const schools = useQuery(schoolChoicesQuery);
  const addButtonRef = useRef<HTMLButtonElement>(null);

  function updateRow(index: number, next: RoleAssignment) {
    onChange(roles.map((row, i) => (i === index ? next : row)));
  }

  function handleRoleChange(index: number, value: string) {
    const role = RoleName.parse(value);
    const current = roles[index];
    const schoolId = DISTRICT_WIDE_ROLES.includes(role) ? null : (current?.schoolId ?? null);
    updateRow(index, { role, schoolId });
  }

  return (
    <fieldset className={styles.rows}>
      <legend>Roles</legend>
      {errorAt("roles") ? (
        <p className="field-error" role="alert">
          {errorAt("roles")}
        </p>
      ) : null}
      {roles.map((row, index) => {
        const isDistrictWide = DISTRICT_WIDE_ROLES.includes(row.role);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
          <fieldset className={styles.row} key={index}>
            <legend className="visually-hidden">Role {index + 1}</legend>
            <SelectField
              label="Role"
              value={row.role}
              onChange={(event) => handleRoleChange(index, event.target.value)}
              error={errorAt(`roles/${index}/role`)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </SelectField>
            {isDistrictWide ? (
              <p className={styles.scope}>District-wide</p>
            ) : (
              <SelectField
                label="School"
                value={row.schoolId ?? ""}
                onChange={(event) => updateRow(index, { ...row, schoolId: event.target.value || null })}
                error={errorAt(`roles/${index}/schoolId`)}
                hint={schools.isError ? "The list of schools could not be loaded." : undefined}
              >
                <option value="">Choose a school</option>
                {(schools.data ?? []).map((school) => (
                  <option key={school.id} value={school.id}>
                    {school.name}
                  </option>
                ))}
              </SelectField>
            )}
            {roles.length > 1 ? (
              <button
                type="button"
                className={`button button-secondary ${styles.remove}`}
                onClick={() => {
                  onChange(roles.filter((_, i) => i !== index));
                  // The removed button takes focus with it; keep keyboard users inside the role list.
                  addButtonRef.current?.focus();
                }}
              >
                Remove
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button
        ref={addButtonRef}
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...roles, { role: "teacher", schoolId: null }])}
      >
        Add another role
      </button>
    </fieldset>
  );
}
