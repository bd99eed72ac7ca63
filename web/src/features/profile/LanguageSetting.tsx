import { useState } from "react";
import { FAMILY_LANGUAGES, type FamilyLanguage } from "../../../../contract/family-voice";
import { SelectField } from "../../components/Field";
import { useMe, useUpdateMe } from "../auth/me.api";
import { familyLanguageOf, familyMessages } from "../family-voice/messages";

/** The person's language, used by the family pages on any device; saved as soon as it is chosen. */
export function LanguageSetting() {
  const me = useMe();
  const updateMe = useUpdateMe();
  const [status, setStatus] = useState("");
  return (
    <>
      <SelectField
        label="Preferred language"
        hint="The family pages use it where a translation exists (English and Spanish)."
        value={familyLanguageOf(me.preferredLanguage)}
        disabled={updateMe.isPending}
        error={updateMe.isError ? "The language could not be saved. Try again." : undefined}
        onChange={(event) => {
          setStatus("");
          updateMe.mutate(
            { preferredLanguage: event.target.value as FamilyLanguage },
            { onSuccess: () => setStatus("Language saved.") },
          );
        }}
      >
        {FAMILY_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {familyMessages[code].languageName}
          </option>
        ))}
      </SelectField>
      <p role="status" className="save-status">
        {status}
      </p>
    </>
  );
}
