import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FAMILY_LANGUAGES, type FamilyLanguage } from "../../../../contract/family-voice";
import { gradeLabel } from "../../../../contract/standards";
import type { Child } from "../../../../contract/students";
import { EmptyState } from "../../components/EmptyState";
import { SelectField } from "../../components/Field";
import { PageHeader } from "../../components/PageHeader";
import { useMe, useUpdateMe } from "../auth/me.api";
import { ChildSupportSection } from "../family-voice/ChildSupportSection";
import { FamilySurveySection } from "../family-voice/FamilySurveySection";
import { type FamilyMessages, familyLanguageOf, familyMessages, formatFamilyDay } from "../family-voice/messages";
import styles from "./FamilyPage.module.css";
import { familyChildrenQuery } from "./family.api";

/**
 * The family view: each of one's own children, what they are learning and where they stand, the support the
 * school gives and how it is going, in plain words, in English or Spanish (the person's preferred language first).
 */
export function FamilyPage() {
  const me = useMe();
  const updateMe = useUpdateMe();
  // The switch shows at once; saving it to the person's profile makes it follow them to any device.
  const [language, setLanguage] = useState<FamilyLanguage>(() => familyLanguageOf(me.preferredLanguage));
  const t = familyMessages[language];
  const children = useQuery({ ...familyChildrenQuery, enabled: me.can.readOwnChildren });
  if (!me.can.readOwnChildren) {
    return (
      <>
        <PageHeader title={t.pageTitle} />
        <p>{t.notFamily}</p>
      </>
    );
  }
  return (
    <div lang={language}>
      <PageHeader title={t.pageTitle} description={t.pageDescription} />
      <SelectField
        label={t.languageLabel}
        className={styles.language}
        value={language}
        onChange={(event) => {
          const chosen = familyLanguageOf(event.target.value);
          setLanguage(chosen);
          updateMe.mutate({ preferredLanguage: chosen });
        }}
      >
        {FAMILY_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {familyMessages[code].languageName}
          </option>
        ))}
      </SelectField>
      {updateMe.isError ? (
        <p role="alert" className="notice">
          {t.languageNotSaved}
        </p>
      ) : null}
      {children.isPending ? (
        <p role="status">{t.loading}</p>
      ) : children.isError ? (
        <p role="alert">
          {t.loadFailed}{" "}
          <button type="button" className="button button-secondary" onClick={() => children.refetch()}>
            {t.tryAgain}
          </button>
        </p>
      ) : children.data.items.length === 0 ? (
        <EmptyState title={t.noChildrenTitle}>
          <p>{t.noChildrenBody}</p>
        </EmptyState>
      ) : (
        <>
          <FamilySurveySection language={language} t={t} />
          {children.data.items.map((child) => (
            <ChildSection key={child.id} child={child} language={language} t={t} />
          ))}
        </>
      )}
    </div>
  );
}

function ChildSection({ child, language, t }: { child: Child; language: FamilyLanguage; t: FamilyMessages }) {
  const facts = [child.grade ? t.grade(gradeLabel(child.grade)) : null, child.schoolName].filter(Boolean);
  return (
    <section className="panel" aria-labelledby={`child-${child.id}`}>
      <h2 id={`child-${child.id}`}>{child.name}</h2>
      {facts.length > 0 ? <p className="muted">{facts.join(" · ")}</p> : null}
      <h3>{t.learningHeading(child.firstName)}</h3>
      {child.targets.length === 0 ? (
        <p>{t.nothingYet}</p>
      ) : (
        <ul className={styles.targets}>
          {child.targets.map((target) => (
            <li key={target.targetId} className={`${styles.target} ${styles[target.status] ?? ""}`}>
              <p className={styles.statement}>{target.statement}</p>
              <p className={styles.sentence}>
                {t.status[target.status](child.firstName)}
                {target.lastAssessedOn ? (
                  <span className="muted"> ({t.checkedOn(formatFamilyDay(target.lastAssessedOn, language))})</span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ChildSupportSection studentId={child.id} firstName={child.firstName} language={language} t={t} />
    </section>
  );
}
