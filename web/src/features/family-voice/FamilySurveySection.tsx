import { useQuery } from "@tanstack/react-query";
import type { FamilyLanguage } from "../../../../contract/family-voice";
import { AnswerForm } from "../surveys/AnswerForm";
import { familySurveysQuery } from "../surveys/feedback.api";
import { type FamilyMessages, formatFamilyDay } from "./messages";

/**
 * The school's family surveys open to this family member, in their language (the items' own translation when the
 * survey has one): answered anonymously, once.
 */
export function FamilySurveySection({ language, t }: { language: FamilyLanguage; t: FamilyMessages }) {
  const surveys = useQuery(familySurveysQuery);
  const open = surveys.data?.items ?? [];
  if (open.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="family-surveys-heading">
      <h2 id="family-surveys-heading">{t.surveysHeading}</h2>
      {open.map((round) =>
        round.hasAnswered ? (
          <p key={round.id} role="status">
            {t.surveyThanks(round.audience.name)}
          </p>
        ) : (
          <AnswerForm
            key={round.id}
            round={round}
            language={language}
            text={{
              heading: t.surveyHeading(round.audience.name, formatFamilyDay(round.closesOn, language)),
              anonymity: t.surveyAnonymous,
              chooseOne: t.surveyChooseOne,
              submit: t.surveySubmit,
            }}
          />
        ),
      )}
    </section>
  );
}
