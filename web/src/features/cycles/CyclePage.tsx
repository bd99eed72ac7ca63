import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { ComponentType } from "react";
import { type Cycle, CycleStage } from "../../../../contract/cycles";
import { SelectField } from "../../components/Field";
import { formatDay } from "../../components/format";
import { PageHeader } from "../../components/PageHeader";
import { QueryResult } from "../../components/QueryResult";
import { CycleAssessments, CycleClosing } from "./CycleClosing";
import { Evaluation, Monitoring, SnapshotSummary } from "./CycleEvidence";
import { CycleGoals } from "./CycleGoals";
import { CycleMeetings } from "./CycleMeetings";
import styles from "./CyclePage.module.css";
import { STAGE_LABELS, STATUS_LABELS } from "./cycle-format";
import { cycleQuery, useUpdateProgress } from "./cycles.api";
import { Implementation } from "./Implementation";
import { LearningLog } from "./LearningLog";
import { LearningNeeds } from "./LearningNeeds";
import { Refinements } from "./Refinements";
import { StageSection } from "./StageSection";
import { Strategies } from "./Strategies";

const route = getRouteApi("/signed-in/communities/$communityId/cycles/$cycleId");

/** What a stage section shows below its owner, dates and notes. */
type StageSectionComponent = ComponentType<{ cycle: Cycle }>;

function LearningNeedsStage({ cycle }: { cycle: Cycle }) {
  return (
    <>
      <h3>Baseline</h3>
      <SnapshotSummary cycle={cycle} />
      <CycleAssessments cycle={cycle} />
      <LearningNeeds cycle={cycle} />
    </>
  );
}

function LearningStage({ cycle }: { cycle: Cycle }) {
  return <LearningLog communityId={cycle.communityId} cycleId={cycle.id} can={cycle.can} />;
}

function StrategiesStage({ cycle }: { cycle: Cycle }) {
  return <Strategies communityId={cycle.communityId} cycleId={cycle.id} can={cycle.can} />;
}

function ImplementationStage({ cycle }: { cycle: Cycle }) {
  return <Implementation communityId={cycle.communityId} cycleId={cycle.id} can={cycle.can} />;
}

function MonitoringStage({ cycle }: { cycle: Cycle }) {
  return (
    <>
      <Monitoring cycle={cycle} />
      <Refinements communityId={cycle.communityId} cycleId={cycle.id} can={cycle.can} />
    </>
  );
}

function EvaluationStage({ cycle }: { cycle: Cycle }) {
  return (
    <>
      <Evaluation cycle={cycle} />
      <CycleClosing cycle={cycle} />
    </>
  );
}

/** Each stage's work, shown inside that stage's section below its owner, dates and notes. */
const STAGE_SECTIONS: Partial<Record<CycleStage, StageSectionComponent>> = {
  learning_needs: LearningNeedsStage,
  shared_goals: CycleGoals,
  professional_learning: LearningStage,
  strategies: StrategiesStage,
  implementation: ImplementationStage,
  monitoring: MonitoringStage,
  evaluation: EvaluationStage,
};

/** Where the team is: every stage in order, the current one marked, completed and overdue ones said in words. */
function StageStepper({ cycle }: { cycle: Cycle }) {
  return (
    <nav aria-label="Cycle stages">
      <ol className={styles.stepper}>
        {cycle.stages.map((stage) => {
          const isCurrent = cycle.status === "active" && stage.stage === cycle.currentStage;
          const state = stage.completedAt ? "complete" : stage.isOverdue ? "overdue" : isCurrent ? "current" : "";
          return (
            <li key={stage.stage} className={styles[state] ?? ""} aria-current={isCurrent ? "step" : undefined}>
              <a href={`#stage-${stage.stage}`}>
                {STAGE_LABELS[stage.stage]}
                {state ? <span className={styles.state}> ({state})</span> : null}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** Moves where the team is (any working member may), for a team that skips ahead or goes back to a stage. */
function CurrentStagePicker({ cycle }: { cycle: Cycle }) {
  const progress = useUpdateProgress(cycle.id);
  return (
    <SelectField
      label="Where the team is"
      value={cycle.currentStage}
      disabled={progress.isPending}
      onChange={(event) => progress.mutate({ currentStage: CycleStage.parse(event.target.value) })}
    >
      {cycle.stages.map((stage) => (
        <option key={stage.stage} value={stage.stage}>
          {STAGE_LABELS[stage.stage]}
        </option>
      ))}
    </SelectField>
  );
}

/** A team's improvement cycle: the stepper, then each stage as its own section with its evidence. */
export function CyclePage() {
  const { communityId, cycleId } = route.useParams();
  const cycle = useQuery(cycleQuery(cycleId));
  return (
    <QueryResult query={cycle} loadingLabel="Loading the cycle…">
      {(data) => {
        const overdue = data.stages.filter((s) => s.isOverdue).length;
        return (
          <>
            <p className="breadcrumb">
              <Link to="/communities/$communityId/cycles" params={{ communityId }}>
                ← All cycles
              </Link>
            </p>
            <PageHeader
              title={data.title}
              description={`${STATUS_LABELS[data.status]} · started ${formatDay(data.startsOn)}${
                data.endsOn ? ` · ends ${formatDay(data.endsOn)}` : ""
              }${overdue > 0 ? ` · ${overdue} stage${overdue === 1 ? "" : "s"} overdue` : ""}`}
            />
            {data.focus ? <p>{data.focus}</p> : null}
            <StageStepper cycle={data} />
            {data.can.contribute && data.status === "active" ? <CurrentStagePicker cycle={data} /> : null}
            {data.stages.map((stage) => {
              const Section = STAGE_SECTIONS[stage.stage];
              return (
                <StageSection key={stage.stage} cycle={data} stage={stage}>
                  {Section ? <Section cycle={data} /> : null}
                </StageSection>
              );
            })}
            <CycleMeetings communityId={communityId} cycleId={data.id} can={data.can} />
          </>
        );
      }}
    </QueryResult>
  );
}
