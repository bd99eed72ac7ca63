import { useQuery } from "@tanstack/react-query";
import { SelectField } from "../../components/Field";
import { protocolsQuery } from "../protocols/protocols.api";

type ProtocolFieldProps = {
  communityId: string;
  value: string;
  onChange: (key: string) => void;
  error?: string | undefined;
};

/** Choose the protocol the meeting runs on, from the team's copies and the library; its purpose shows below. */
export function ProtocolField({ communityId, value, onChange, error }: ProtocolFieldProps) {
  const protocols = useQuery(protocolsQuery(communityId));
  const items = protocols.data?.items ?? [];
  const copies = items.filter((protocol) => protocol.communityId !== null);
  const library = items.filter((protocol) => protocol.communityId === null);
  const chosen = items.find((protocol) => protocol.key === value);
  const hint = protocols.isError
    ? "The protocols could not be loaded; you can still schedule without one."
    : chosen
      ? `${chosen.purpose} ${chosen.steps.length} steps, ${chosen.totalMinutes} minutes in all: ${chosen.steps
          .map((step) => `${step.title} (${step.minutes} min)`)
          .join(", ")}.`
      : "A protocol structures the conversation in timed steps. You can also meet without one.";

  const option = (protocol: (typeof items)[number]) => (
    <option key={protocol.key} value={protocol.key}>
      {protocol.name} ({protocol.totalMinutes} min)
    </option>
  );

  return (
    <SelectField
      label="Protocol"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={hint}
      error={error}
      disabled={protocols.isPending}
    >
      <option value="">No protocol</option>
      {copies.length ? <optgroup label="Our team's protocols">{copies.map(option)}</optgroup> : null}
      {library.length ? <optgroup label="Protocol library">{library.map(option)}</optgroup> : null}
    </SelectField>
  );
}
