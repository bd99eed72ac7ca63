import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  AgendaAdded,
  AnsweredReceipt,
  type AnswersInput,
  Instrument,
  type InstrumentInput,
  InstrumentList,
  Round,
  type RoundInput,
  RoundList,
  RoundResults,
  RoundTrend,
  SurveyOverview,
} from "../../../../contract/surveys";
import { api } from "../../api/client";

export const roundListQuery = queryOptions({
  queryKey: ["surveys", "rounds"],
  queryFn: () => api("/surveys/rounds", RoundList),
});

export const instrumentListQuery = queryOptions({
  queryKey: ["surveys", "instruments"],
  queryFn: () => api("/surveys/instruments", InstrumentList),
});

export function roundQuery(id: string) {
  return queryOptions({ queryKey: ["surveys", "round", id], queryFn: () => api(`/surveys/rounds/${id}`, Round) });
}

export function roundResultsQuery(id: string) {
  return queryOptions({
    queryKey: ["surveys", "round", id, "results"],
    queryFn: () => api(`/surveys/rounds/${id}/results`, RoundResults),
  });
}

export function roundTrendQuery(id: string) {
  return queryOptions({
    queryKey: ["surveys", "round", id, "trend"],
    queryFn: () => api(`/surveys/rounds/${id}/trend`, RoundTrend),
  });
}

export function surveyOverviewQuery(enabled: boolean) {
  return queryOptions({
    queryKey: ["surveys", "overview"],
    queryFn: () => api("/surveys/overview", SurveyOverview),
    enabled,
  });
}

export function useOpenRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof RoundInput>) => api("/surveys/rounds", Round, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys"] }),
  });
}

/** Answering reads the round, its list and its results again: counts are all that changes. */
export function useAnswerRound(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof AnswersInput>) =>
      api(`/surveys/rounds/${roundId}/answers`, AnsweredReceipt, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys"] }),
  });
}

export function useAddToAgenda(roundId: string) {
  return useMutation({
    mutationFn: (itemKey: string) =>
      api(`/surveys/rounds/${roundId}/agenda`, AgendaAdded, { method: "POST", body: { itemKey } }),
  });
}

export function useCreateInstrument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof InstrumentInput>) =>
      api("/surveys/instruments", Instrument, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["surveys", "instruments"] }),
  });
}
