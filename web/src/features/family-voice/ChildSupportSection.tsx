import { useQuery } from "@tanstack/react-query";
import type { ChildSupport, ChildSupportPlan, FamilyLanguage } from "../../../../contract/family-voice";
import { districtDayOf } from "../../components/format";
import styles from "./ChildSupportSection.module.css";
import { childSupportQuery } from "./family-voice.api";
import { type FamilyMessages, formatFamilyDay, formatFamilyNumber } from "./messages";
import { SendNoteForm } from "./SendNoteForm";

type Props = { studentId: string; firstName: string; language: FamilyLanguage; t: FamilyMessages };

/** What support the school gives one child and how it is going, then the family's note to the team. */
export function ChildSupportSection({ studentId, firstName, language, t }: Props) {
  const support = useQuery(childSupportQuery(studentId));
  const headingId = `support-${studentId}`;
  return (
    <section aria-labelledby={headingId} className={styles.support}>
      <h3 id={headingId}>{t.supportHeading}</h3>
      {support.isPending ? (
        <p role="status">{t.loading}</p>
      ) : support.isError ? (
        <p role="alert">
          {t.loadFailed}{" "}
          <button type="button" className="button button-secondary" onClick={() => support.refetch()}>
            {t.tryAgain}
          </button>
        </p>
      ) : (
        <SupportPlans support={support.data} language={language} t={t} />
      )}
      <SendNoteForm studentId={studentId} firstName={firstName} t={t} />
      {support.data && support.data.notes.length > 0 ? (
        <>
          <h4>{t.sentNotesHeading}</h4>
          <ul className={styles.notes}>
            {support.data.notes.map((note) => (
              <li key={note.id}>
                <p>{note.body}</p>
                <p className="muted">
                  {formatFamilyDay(districtDayOf(note.createdAt), language)} ·{" "}
                  {note.isAcknowledged ? t.noteRead : t.noteUnread}
                </p>
                {note.replies.map((reply) => (
                  <div key={reply.id} className={styles.reply}>
                    <p lang={reply.language}>{reply.body}</p>
                    <p className="muted">
                      {t.answeredBy(reply.authorName, formatFamilyDay(districtDayOf(reply.createdAt), language))}
                    </p>
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function SupportPlans({
  support,
  language,
  t,
}: {
  support: ChildSupport;
  language: FamilyLanguage;
  t: FamilyMessages;
}) {
  if (support.plans.length === 0) return <p>{t.noSupport}</p>;
  return (
    <ul className={styles.plans}>
      {support.plans.map((plan) => (
        <li key={plan.id} className="panel">
          <SupportPlan plan={plan} language={language} t={t} />
        </li>
      ))}
    </ul>
  );
}

function SupportPlan({ plan, language, t }: { plan: ChildSupportPlan; language: FamilyLanguage; t: FamilyMessages }) {
  const day = (iso: string) => formatFamilyDay(iso, language);
  const number = (value: number) => formatFamilyNumber(value, language);
  const focus = [plan.focus, ...plan.targets].filter(Boolean).join(" · ");
  return (
    <>
      <h4>
        {t.kind[plan.kind]} · {plan.isActive ? t.currentSupport : t.pastSupport}
      </h4>
      <dl className="details">
        {focus ? (
          <>
            <dt>{t.focusLabel}</dt>
            <dd>{focus}</dd>
          </>
        ) : null}
        {plan.strategy ? (
          <>
            <dt>{t.strategyLabel}</dt>
            <dd>{plan.strategy}</dd>
          </>
        ) : null}
        <dt>{t.howOftenLabel}</dt>
        <dd>
          {t.howOften(plan.minutesPerSession, plan.daysPerWeek)}
          {plan.schedule ? ` (${plan.schedule})` : ""}
        </dd>
        {plan.deliveredBy ? (
          <>
            <dt>{t.withLabel}</dt>
            <dd>{plan.deliveredBy}</dd>
          </>
        ) : null}
        <dt>{t.sinceLabel}</dt>
        <dd>{day(plan.startDate)}</dd>
        <dt>{t.measureLabel}</dt>
        <dd>{plan.measure}</dd>
        <dt>{t.progressLabel}</dt>
        <dd>
          <strong>{t.progress[plan.progress](day(plan.goalDate))}</strong>
          {plan.latestScore ? (
            <span className="muted">
              {" "}
              {t.latestCheck(day(plan.latestScore.measuredOn), number(plan.latestScore.score), number(plan.goal))}
            </span>
          ) : null}
        </dd>
      </dl>
    </>
  );
}
