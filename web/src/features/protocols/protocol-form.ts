import type { Protocol } from "../../../../contract/meetings";

export type StepRow = { title: string; minutes: string; roles: string; prompts: string };

export type ProtocolFormValues = { basedOn: string | null; name: string; purpose: string; steps: StepRow[] };

export function emptyStep(): StepRow {
  return { title: "", minutes: "10", roles: "", prompts: "" };
}

/** A protocol as form values: roles comma-separated, prompts one per line. */
export function valuesOf(protocol: Protocol, isCopy: boolean): ProtocolFormValues {
  return {
    basedOn: isCopy ? protocol.key : protocol.basedOn,
    name: isCopy ? `${protocol.name} (adapted)` : protocol.name,
    purpose: protocol.purpose,
    steps: protocol.steps.map((step) => ({
      title: step.title,
      minutes: String(step.minutes),
      roles: step.roles.join(", "),
      prompts: step.prompts.join("\n"),
    })),
  };
}

/** The form's values as the API's ProtocolInput. */
export function toProtocolInput(values: ProtocolFormValues) {
  return {
    basedOn: values.basedOn,
    name: values.name,
    purpose: values.purpose,
    steps: values.steps.map((step) => ({
      title: step.title,
      minutes: step.minutes.trim() === "" ? Number.NaN : Number(step.minutes),
      roles: step.roles
        .split(",")
        .map((role) => role.trim())
        .filter(Boolean),
      prompts: step.prompts
        .split("\n")
        .map((prompt) => prompt.trim())
        .filter(Boolean),
    })),
  };
}

export const PROTOCOL_MESSAGES: Record<string, string> = {
  name: "Give the protocol a name.",
  steps: "A protocol needs at least one step.",
};

/** Words for a step's field that failed ("title", "roles"), from the schema or the server, since paths carry the index. */
export const STEP_MESSAGES: Record<keyof StepRow, string> = {
  title: "Give this step a title.",
  minutes: "Enter from 1 to 240 minutes.",
  roles: "Keep roles short (up to 100 characters), at most 10.",
  prompts: "Keep prompts to 500 characters each, at most 20.",
};
