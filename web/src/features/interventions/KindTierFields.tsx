import type { InterventionKind } from "../../../../contract/interventions";
import { SelectField } from "../../components/Field";

type KindTierFieldsProps = {
  kind: InterventionKind;
  tier: string;
  onKindChange: (kind: InterventionKind) => void;
  onTierChange: (tier: string) => void;
  tierError?: string | undefined;
};

/** Intervention or extension, and the tier; switching the kind moves the tier to that kind's usual start. */
export function KindTierFields({ kind, tier, onKindChange, onTierChange, tierError }: KindTierFieldsProps) {
  return (
    <div className="field-row">
      <SelectField
        label="Kind"
        value={kind}
        onChange={(event) => {
          const next = event.target.value as InterventionKind;
          onKindChange(next);
          onTierChange(usualTier(next));
        }}
      >
        <option value="intervention">Intervention (needs more time)</option>
        <option value="extension">Extension (ready for more)</option>
      </SelectField>
      <SelectField label="Tier" value={tier} error={tierError} onChange={(event) => onTierChange(event.target.value)}>
        <option value="1">Tier 1</option>
        <option value="2">Tier 2</option>
        <option value="3">Tier 3</option>
      </SelectField>
    </div>
  );
}

/** Extensions start at tier 1; interventions at tier 2, the first tier beyond core instruction. */
export function usualTier(kind: InterventionKind): string {
  return kind === "extension" ? "1" : "2";
}
