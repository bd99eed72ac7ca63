import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { z } from "zod";
import { ApiError } from "./api/client";
import { AdminLayout } from "./features/admin/AdminLayout";
import { allowedSections } from "./features/admin/admin-sections";
import { AuditSearch } from "./features/audit/audit-search";
import { AuthLayout } from "./features/auth/AuthLayout";
import { meQuery } from "./features/auth/me.api";
import { SignInPage } from "./features/auth/SignInPage";
import { CommunityLayout } from "./features/communities/CommunityLayout";
import { CommunitiesSearch } from "./features/communities/communities-search";
import { DiscussionSearch, ThreadsSearch } from "./features/discussions/discussions-search";
import { GoalsSearch } from "./features/goals/goals-search";
import { HomePage } from "./features/home/HomePage";
import { NewGroupSearch } from "./features/interventions/new-group-search";
import { LibrarySearch } from "./features/library/library-search";
import { OutboxSearch } from "./features/outbox/outbox-status";
import { PeopleSearch } from "./features/people/people-search";
import { SchoolsSearch } from "./features/schools/schools-search";
import { AppFrame } from "./features/shell/AppFrame";
import { NotFoundPage, NotFoundScreen } from "./features/shell/NotFoundPage";
import { StandardsSearch } from "./features/standards/standards-search";
import { ReviewSearch } from "./features/student-review/review-search";
import { StudentsSearch } from "./features/students/students-search";

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundScreen,
});

// Pages for people who are not signed in.
const signedOutRoute = createRoute({ getParentRoute: () => rootRoute, id: "signed-out", component: AuthLayout });

const signInRoute = createRoute({
  getParentRoute: () => signedOutRoute,
  path: "sign-in",
  validateSearch: z.object({ redirect: z.string().optional().catch(undefined) }),
  component: SignInPage,
});
const forgotPasswordRoute = createRoute({
  getParentRoute: () => signedOutRoute,
  path: "forgot-password",
  component: lazyRouteComponent(() => import("./features/auth/ForgotPasswordPage"), "ForgotPasswordPage"),
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => signedOutRoute,
  path: "reset-password/$token",
  component: lazyRouteComponent(() => import("./features/auth/ResetPasswordPage"), "ResetPasswordPage"),
});
const inviteRoute = createRoute({
  getParentRoute: () => signedOutRoute,
  path: "invite/$token",
  component: lazyRouteComponent(() => import("./features/auth/InvitePage"), "InvitePage"),
});

// Everything else needs a session; the check runs before any page of the app renders.
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        const redirectTo = location.href === "/" ? undefined : location.href;
        throw redirect({ to: "/sign-in", search: { redirect: redirectTo } });
      }
      throw error;
    }
  },
  component: AppFrame,
});

const homeRoute = createRoute({ getParentRoute: () => signedInRoute, path: "/", component: HomePage });
const schoolHomeRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "home/schools/$schoolId",
  component: lazyRouteComponent(() => import("./features/home/SchoolHomePage"), "SchoolHomePage"),
});
const communitiesRoute = createRoute({ getParentRoute: () => signedInRoute, path: "communities", component: Outlet });
const communitiesIndexRoute = createRoute({
  getParentRoute: () => communitiesRoute,
  path: "/",
  validateSearch: CommunitiesSearch,
  component: lazyRouteComponent(() => import("./features/communities/CommunitiesPage"), "CommunitiesPage"),
});
const communityRoute = createRoute({
  getParentRoute: () => communitiesRoute,
  path: "$communityId",
  component: CommunityLayout,
});
const communityHomeRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./features/communities/CommunityHomePage"), "CommunityHomePage"),
});
const communityMembersRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "members",
  component: lazyRouteComponent(() => import("./features/communities/MembersPage"), "MembersPage"),
});
const communityNormsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "norms",
  component: lazyRouteComponent(() => import("./features/norms/NormsPage"), "NormsPage"),
});
const communityMeetingsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "meetings",
  component: lazyRouteComponent(() => import("./features/meetings/MeetingsPage"), "MeetingsPage"),
});
const scheduleMeetingRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "meetings/new",
  component: lazyRouteComponent(() => import("./features/meetings/ScheduleMeetingPage"), "ScheduleMeetingPage"),
});
const communityProtocolsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "protocols",
  component: lazyRouteComponent(() => import("./features/protocols/ProtocolsPage"), "ProtocolsPage"),
});
const communityEssentialsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "essentials",
  component: lazyRouteComponent(() => import("./features/essentials/EssentialsPage"), "EssentialsPage"),
});
const communityAssessmentsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "assessments",
  component: lazyRouteComponent(() => import("./features/assessments/AssessmentsPage"), "AssessmentsPage"),
});
const communityReviewRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "review",
  validateSearch: ReviewSearch,
  component: lazyRouteComponent(() => import("./features/student-review/ReviewPage"), "ReviewPage"),
});
const communityInterventionsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "interventions",
  component: lazyRouteComponent(
    () => import("./features/interventions/CommunityInterventionsPage"),
    "CommunityInterventionsPage",
  ),
});
const newGroupRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "interventions/new",
  validateSearch: NewGroupSearch,
  component: lazyRouteComponent(() => import("./features/interventions/NewGroupPage"), "NewGroupPage"),
});
const communityCyclesRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "cycles",
  component: lazyRouteComponent(() => import("./features/cycles/CyclesPage"), "CyclesPage"),
});
const communityCycleRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "cycles/$cycleId",
  component: lazyRouteComponent(() => import("./features/cycles/CyclePage"), "CyclePage"),
});
// The district's record of finished cycles (cycle.readRecord: its staff).
const cycleRecordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "cycles/record",
  component: lazyRouteComponent(() => import("./features/cycles/CycleRecordPage"), "CycleRecordPage"),
});
const communitySettingsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "settings",
  component: lazyRouteComponent(() => import("./features/communities/CommunitySettingsPage"), "CommunitySettingsPage"),
});
// Emails link here, so a meeting has an address of its own, outside its community's pages.
const meetingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "meetings/$meetingId",
  component: lazyRouteComponent(() => import("./features/meetings/MeetingPage"), "MeetingPage"),
});
// An assessment and its results have addresses of their own, outside their community's pages.
const assessmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "assessments/$assessmentId",
  component: lazyRouteComponent(() => import("./features/assessments/AssessmentPage"), "AssessmentPage"),
});
const assessmentResultsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "assessments/$assessmentId/results",
  component: lazyRouteComponent(() => import("./features/assessments/ResultsPage"), "ResultsPage"),
});
const assessmentAnalysisRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "assessments/$assessmentId/analysis",
  // The chart pages load their charting library only when opened.
  component: lazyRouteComponent(() => import("./features/analysis/AnalysisPage"), "AnalysisPage"),
});
const studentsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "students",
  validateSearch: StudentsSearch,
  component: lazyRouteComponent(() => import("./features/students/StudentsPage"), "StudentsPage"),
});
const studentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "students/$studentId",
  component: lazyRouteComponent(() => import("./features/students/StudentPage"), "StudentPage"),
});
const newStudentPlanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "students/$studentId/plans/new",
  component: lazyRouteComponent(() => import("./features/interventions/NewPlanPage"), "NewPlanPage"),
});
const familyRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "family",
  component: lazyRouteComponent(() => import("./features/family/FamilyPage"), "FamilyPage"),
});
const familyInboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "family-notes",
  component: lazyRouteComponent(() => import("./features/family-voice/FamilyInboxPage"), "FamilyInboxPage"),
});
const standardsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "standards",
  validateSearch: StandardsSearch,
  component: lazyRouteComponent(() => import("./features/standards/StandardsPage"), "StandardsPage"),
});
const interventionsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions",
  component: lazyRouteComponent(() => import("./features/interventions/InterventionsLanding"), "InterventionsLanding"),
});
const groupRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions/groups/$groupId",
  component: lazyRouteComponent(() => import("./features/interventions/GroupPage"), "GroupPage"),
});
const planRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions/plans/$planId",
  component: lazyRouteComponent(() => import("./features/interventions/PlanPage"), "PlanPage"),
});
const interventionReportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions/reports",
  // A drill-down from a home opens the report on one school.
  validateSearch: z.object({ schoolId: z.string().optional().catch(undefined) }),
  component: lazyRouteComponent(
    () => import("./features/intervention-reports/InterventionReportsPage"),
    "InterventionReportsPage",
  ),
});
const goalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "goals",
  validateSearch: GoalsSearch,
  component: lazyRouteComponent(() => import("./features/goals/GoalsPage"), "GoalsPage"),
});
const learningEvaluationRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "goals/evaluation",
  component: lazyRouteComponent(
    () => import("./features/learning-evaluation/LearningEvaluationPage"),
    "LearningEvaluationPage",
  ),
});
const goalRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "goals/$goalId",
  component: lazyRouteComponent(() => import("./features/goals/GoalPage"), "GoalPage"),
});
const surveysRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "surveys",
  component: lazyRouteComponent(() => import("./features/surveys/SurveysPage"), "SurveysPage"),
});
const surveyRoundRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "surveys/rounds/$roundId",
  component: lazyRouteComponent(() => import("./features/surveys/RoundPage"), "RoundPage"),
});
const communityDiscussionsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "discussions",
  validateSearch: ThreadsSearch,
  component: lazyRouteComponent(
    () => import("./features/discussions/CommunityDiscussionsPage"),
    "CommunityDiscussionsPage",
  ),
});
// Notifications link to threads by their own address, wherever they live.
const discussionsRoute = createRoute({ getParentRoute: () => signedInRoute, path: "discussions", component: Outlet });
const forumRoute = createRoute({
  getParentRoute: () => discussionsRoute,
  path: "/",
  validateSearch: ThreadsSearch,
  component: lazyRouteComponent(() => import("./features/discussions/ForumPage"), "ForumPage"),
});
const discussionSearchRoute = createRoute({
  getParentRoute: () => discussionsRoute,
  path: "search",
  validateSearch: DiscussionSearch,
  component: lazyRouteComponent(() => import("./features/discussions/DiscussionSearchPage"), "DiscussionSearchPage"),
});
const threadRoute = createRoute({
  getParentRoute: () => discussionsRoute,
  path: "$threadId",
  component: lazyRouteComponent(() => import("./features/discussions/ThreadPage"), "ThreadPage"),
});
const libraryRoute = createRoute({ getParentRoute: () => signedInRoute, path: "library", component: Outlet });
const libraryIndexRoute = createRoute({
  getParentRoute: () => libraryRoute,
  path: "/",
  validateSearch: LibrarySearch,
  component: lazyRouteComponent(() => import("./features/library/LibraryPage"), "LibraryPage"),
});
const resourceRoute = createRoute({
  getParentRoute: () => libraryRoute,
  path: "$resourceId",
  component: lazyRouteComponent(() => import("./features/library/ResourcePage"), "ResourcePage"),
});
const visitsRoute = createRoute({ getParentRoute: () => signedInRoute, path: "visits", component: Outlet });
const visitsIndexRoute = createRoute({
  getParentRoute: () => visitsRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./features/visits/VisitsPage"), "VisitsPage"),
});
const visitRoute = createRoute({
  getParentRoute: () => visitsRoute,
  path: "$visitId",
  component: lazyRouteComponent(() => import("./features/visits/VisitPage"), "VisitPage"),
});
const profileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "profile",
  component: lazyRouteComponent(() => import("./features/profile/ProfilePage"), "ProfilePage"),
});

const adminRoute = createRoute({ getParentRoute: () => signedInRoute, path: "admin", component: AdminLayout });
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    const first = allowedSections(me)[0];
    if (first) throw redirect({ to: first.to, replace: true });
  },
});
const peopleRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "people",
  validateSearch: PeopleSearch,
  component: lazyRouteComponent(() => import("./features/people/PeoplePage"), "PeoplePage"),
});
const personRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "people/$personId",
  component: lazyRouteComponent(() => import("./features/people/PersonPage"), "PersonPage"),
});
const schoolsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "schools",
  validateSearch: SchoolsSearch,
  component: lazyRouteComponent(() => import("./features/schools/SchoolsPage"), "SchoolsPage"),
});
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "audit",
  validateSearch: AuditSearch,
  component: lazyRouteComponent(() => import("./features/audit/AuditPage"), "AuditPage"),
});
const outboxRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "outbox",
  validateSearch: OutboxSearch,
  component: lazyRouteComponent(() => import("./features/outbox/OutboxPage"), "OutboxPage"),
});
const rosterImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "rosters",
  component: lazyRouteComponent(() => import("./features/rosters/RosterImportPage"), "RosterImportPage"),
});
const outboxMessageRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "outbox/$messageId",
  component: lazyRouteComponent(() => import("./features/outbox/OutboxMessagePage"), "OutboxMessagePage"),
});

const routeTree = rootRoute.addChildren([
  signedOutRoute.addChildren([signInRoute, forgotPasswordRoute, resetPasswordRoute, inviteRoute]),
  signedInRoute.addChildren([
    homeRoute,
    schoolHomeRoute,
    communitiesRoute.addChildren([
      communitiesIndexRoute,
      communityRoute.addChildren([
        communityHomeRoute,
        communityMembersRoute,
        communityNormsRoute,
        communityMeetingsRoute,
        scheduleMeetingRoute,
        communityProtocolsRoute,
        communityDiscussionsRoute,
        communityEssentialsRoute,
        communityAssessmentsRoute,
        communityReviewRoute,
        communityInterventionsRoute,
        newGroupRoute,
        communitySettingsRoute,
        communityCyclesRoute,
        communityCycleRoute,
      ]),
    ]),
    cycleRecordRoute,
    meetingRoute,
    assessmentRoute,
    assessmentResultsRoute,
    assessmentAnalysisRoute,
    studentsRoute,
    studentRoute,
    newStudentPlanRoute,
    familyRoute,
    familyInboxRoute,
    standardsRoute,
    interventionsRoute,
    groupRoute,
    planRoute,
    interventionReportsRoute,
    goalsRoute,
    learningEvaluationRoute,
    goalRoute,
    surveysRoute,
    surveyRoundRoute,
    discussionsRoute.addChildren([forumRoute, discussionSearchRoute, threadRoute]),
    libraryRoute.addChildren([libraryIndexRoute, resourceRoute]),
    visitsRoute.addChildren([visitsIndexRoute, visitRoute]),
    profileRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      peopleRoute,
      personRoute,
      schoolsRoute,
      auditRoute,
      outboxRoute,
      outboxMessageRoute,
      rosterImportRoute,
    ]),
  ]),
]);

/** The app's router; the query client rides in its context so routes can load data before rendering. */
export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultNotFoundComponent: NotFoundPage,
    defaultPreload: "intent",
    // Queries own caching; the router should always ask them.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
