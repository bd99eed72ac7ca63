import { EVIDENCE_LEVEL_LABELS, EVIDENCE_LEVELS } from "../../../../contract/library";
import { SelectField, TextField } from "../../components/Field";

export type EvidenceTexts = { evidenceLevel: string; evidenceSource: string };

/** The evidence as the contract takes it: nothing stated is null. */
export function evidenceValues(texts: EvidenceTexts) {
  return {
    evidenceLevel: (texts.evidenceLevel || null) as (typeof EVIDENCE_LEVELS)[number] | null,
    evidenceSource: texts.evidenceSource.trim() || null,
  };
}

type EvidenceFieldsProps = {
  values: EvidenceTexts;
  onChange: (next: EvidenceTexts) => void;
  errors: { evidenceLevel?: string | undefined; evidenceSource?: string | undefined };
};

/** A strategy's evidence: how strong the research behind it is, and where it is published. */
export function EvidenceFields({ values, onChange, errors }: EvidenceFieldsProps) {
  return (
    <>
      <SelectField
        label="Evidence level"
        hint="How strong the research behind this strategy is."
        value={values.evidenceLevel}
        onChange={(event) => onChange({ ...values, evidenceLevel: event.target.value })}
        error={errors.evidenceLevel}
      >
        <option value="">Not stated</option>
        {EVIDENCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {EVIDENCE_LEVEL_LABELS[level]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Evidence source"
        hint="Where the evidence is published, like a practice guide or a study."
        value={values.evidenceSource}
        onChange={(event) => onChange({ ...values, evidenceSource: event.target.value })}
        error={errors.evidenceSource}
      />
    </>
  );
}
