import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { RoundSummary } from "../../../../contract/surveys";
import { EmptyState } from "../../components/EmptyState";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { TableScroll } from "../../components/TableScroll";
import { InstrumentForm } from "./InstrumentForm";
import { OpenRoundForm } from "./OpenRoundForm";
import { SurveyOverviewSection } from "./SurveyOverviewSection";
import { instrumentListQuery, roundListQuery } from "./surveys.api";

const STATUS_LABELS: Record<RoundSummary["status"], string> = {
  upcoming: "Upcoming",
  open: "Open",
  closed: "Closed",
};

/** The "Self-assessment" area: the rounds the reader takes part in or leads, opening one, and the leaders' overview. */
export function SurveysPage() {
  const rounds = useQuery(roundListQuery);
  const instruments = useQuery(instrumentListQuery);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Self-assessment"
        description="Teams and schools rate their practice against the standards for professional learning, anonymously, once a term."
      />
      <section className="panel" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Rounds</h2>
        <QueryResult
          query={rounds}
          loadingLabel="Loading rounds…"
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState title="No rounds yet" headingLevel={3}>
              When a team's facilitator or a school leader opens a round, it appears here.
            </EmptyState>
          }
        >
          {(data) => (
            <TableScroll label="Self-assessment rounds">
              <table className="data-table">
                <caption className="visually-hidden">Self-assessment rounds</caption>
                <thead>
                  <tr>
                    <th scope="col">Round</th>
                    <th scope="col">For</th>
                    <th scope="col">Term</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="cell-number">
                      Answered
                    </th>
                    <th scope="col">You</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((round) => (
                    <tr key={round.id}>
                      <th scope="row">
                        <Link to="/surveys/rounds/$roundId" params={{ roundId: round.id }}>
                          {round.title}
                        </Link>
                      </th>
                      <td>{round.audience.name}</td>
                      <td>
                        {round.termLabel} ({formatDay(round.opensOn)} – {formatDay(round.closesOn)})
                      </td>
                      <td>{STATUS_LABELS[round.status]}</td>
                      <td className="cell-number">
                        {round.answered} of {round.expected}
                      </td>
                      <td>{round.hasAnswered ? "Answered" : round.can.answer ? "Not yet answered" : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </QueryResult>
      </section>
      {rounds.data &&
      instruments.data &&
      rounds.data.openOptions.communities.length + rounds.data.openOptions.schools.length > 0 ? (
        <OpenRoundForm
          instruments={instruments.data.items}
          options={rounds.data.openOptions}
          onOpened={(roundId) => navigate({ to: "/surveys/rounds/$roundId", params: { roundId } })}
        />
      ) : null}
      <SurveyOverviewSection />
      {instruments.data?.can.create ? <InstrumentForm /> : null}
    </>
  );
}
