import { analysisCases } from "./analysis-cases";
import { assessmentCases } from "./assessment-cases";
import { communityCases } from "./community-cases";
import { cycleCases } from "./cycle-cases";
import { cycleWorkCases } from "./cycle-work-cases";
import { discussionCases } from "./discussion-cases";
import { essentialCases } from "./essential-cases";
import { foundationCases } from "./foundation-cases";
import { goalCases } from "./goal-cases";
import { homeCases } from "./home-cases";
import { interventionCases } from "./intervention-cases";
import { libraryCases } from "./library-cases";
import type { Case } from "./matrix-context";
import { reportCases } from "./report-cases";
import { reviewCases } from "./review-cases";
import { rosterCases } from "./roster-cases";
import { standardCases } from "./standard-cases";
import { surveyCases } from "./survey-cases";
import { visitCases } from "./visit-cases";

/** One entry per registered route; a route missing here fails the first test. */
export const matrixCases: Record<string, Case> = {
  ...foundationCases,
  ...communityCases,
  ...discussionCases,
  ...visitCases,
  ...libraryCases,
  ...standardCases,
  ...analysisCases,
  ...essentialCases,
  ...assessmentCases,
  ...rosterCases,
  ...interventionCases,
  ...reportCases,
  ...reviewCases,
  ...goalCases,
  ...cycleWorkCases,
  ...cycleCases,
  ...surveyCases,
  ...homeCases,
};
