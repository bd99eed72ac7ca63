import { TextAreaField } from "../../components/Field";
import type { ChosenPerson } from "../communities/PersonPicker";
import { DelivererField } from "./DelivererField";
import { ScheduleFields, type ScheduleText } from "./ScheduleFields";
import { StrategyPicker } from "./StrategyPicker";

type Errors = (field: string) => string | undefined;

type FocusStrategyProps = {
  focus: string;
  strategy: string;
  strategyResourceId: string;
  onFocusChange: (focus: string) => void;
  onStrategyChange: (strategy: string) => void;
  onStrategyResourceChange: (id: string) => void;
  error: Errors;
};

/** What a new plan or group works on, and the strategy: from the shared library, written out, or both. */
export function FocusStrategyFields(props: FocusStrategyProps) {
  return (
    <>
      <TextAreaField
        label="Focus: targets or skills"
        rows={2}
        maxLength={2000}
        value={props.focus}
        error={props.error("focus")}
        onChange={(event) => props.onFocusChange(event.target.value)}
      />
      <StrategyPicker
        resourceId={props.strategyResourceId}
        text={props.strategy}
        onResourceChange={props.onStrategyResourceChange}
        onTextChange={props.onStrategyChange}
        errors={{ resource: props.error("strategyResourceId"), text: props.error("strategy") }}
      />
    </>
  );
}

type WhoWhenProps = {
  headingId: string;
  deliverer: ChosenPerson | null;
  onDelivererChange: (person: ChosenPerson | null) => void;
  delivererNoneText: string;
  schedule: ScheduleText;
  onScheduleChange: (field: keyof ScheduleText, value: string) => void;
  error: Errors;
};

/** Who delivers a new plan or group, how often, and its start, review and goal dates. */
export function WhoWhenSection(props: WhoWhenProps) {
  return (
    <section className="panel" aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>Who, when and how often</h2>
      <DelivererField
        deliverer={props.deliverer}
        onChoose={props.onDelivererChange}
        error={props.error("deliveredById")}
        noneText={props.delivererNoneText}
      />
      <ScheduleFields values={props.schedule} onChange={props.onScheduleChange} error={props.error} />
    </section>
  );
}
