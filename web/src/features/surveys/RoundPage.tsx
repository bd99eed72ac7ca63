import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { AnswerForm } from "./AnswerForm";
import { RoundResultsView } from "./RoundResultsView";
import { RoundTrendView } from "./RoundTrendView";
import styles from "./Surveys.module.css";
import { roundQuery, roundResultsQuery, roundTrendQuery } from "./surveys.api";

const route = getRouteApi("/signed-in/surveys/rounds/$roundId");

/** One round: answering it (once, anonymously), its results once enough have answered, and its trend. */
export function RoundPage() {
  const { roundId } = route.useParams();
  const round = useQuery(roundQuery(roundId));
  const results = useQuery(roundResultsQuery(roundId));
  const trend = useQuery(roundTrendQuery(roundId));
  return (
    <QueryResult query={round} loadingLabel="Loading the round…">
      {(data) => (
        <>
          <p className={styles.back}>
            <Link to="/surveys">All rounds</Link>
          </p>
          <PageHeader
            title={`${data.title}: ${data.audience.name}`}
            description={`${data.termLabel}, ${formatDay(data.opensOn)} to ${formatDay(data.closesOn)}. ${data.answered} of ${data.expected} have answered.`}
          />
          {data.can.answer ? (
            <section className="panel">
              <AnswerForm round={data} />
            </section>
          ) : data.hasAnswered ? (
            <p className="notice notice-success" role="status">
              You have answered this round. Thank you.
            </p>
          ) : null}
          <section className="panel" aria-labelledby="results-heading">
            <h2 id="results-heading">Results</h2>
            <QueryResult query={results} loadingLabel="Loading results…">
              {(r) => <RoundResultsView round={data} results={r} />}
            </QueryResult>
          </section>
          <section className="panel" aria-labelledby="trend-heading">
            <h2 id="trend-heading">Trend</h2>
            <QueryResult query={trend} loadingLabel="Loading the trend…">
              {(t) => <RoundTrendView trend={t} />}
            </QueryResult>
          </section>
        </>
      )}
    </QueryResult>
  );
}
