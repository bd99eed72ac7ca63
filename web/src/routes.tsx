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
import { AssessmentPage } from "./features/assessments/AssessmentPage";
import { AssessmentsPage } from "./features/assessments/AssessmentsPage";
import { ResultsPage } from "./features/assessments/ResultsPage";
import { AuditPage } from "./features/audit/AuditPage";
import { AuditSearch } from "./features/audit/audit-search";
import { AuthLayout } from "./features/auth/AuthLayout";
import { ForgotPasswordPage } from "./features/auth/ForgotPasswordPage";
import { InvitePage } from "./features/auth/InvitePage";
import { meQuery } from "./features/auth/me.api";
import { ResetPasswordPage } from "./features/auth/ResetPasswordPage";
import { SignInPage } from "./features/auth/SignInPage";
import { CommunitiesPage } from "./features/communities/CommunitiesPage";
import { CommunityHomePage } from "./features/communities/CommunityHomePage";
import { CommunityLayout } from "./features/communities/CommunityLayout";
import { CommunitySettingsPage } from "./features/communities/CommunitySettingsPage";
import { CommunitiesSearch } from "./features/communities/communities-search";
import { MembersPage } from "./features/communities/MembersPage";
import { CyclePage } from "./features/cycles/CyclePage";
import { CycleRecordPage } from "./features/cycles/CycleRecordPage";
import { CyclesPage } from "./features/cycles/CyclesPage";
import { CommunityDiscussionsPage } from "./features/discussions/CommunityDiscussionsPage";
import { DiscussionSearchPage } from "./features/discussions/DiscussionSearchPage";
import { DiscussionSearch, ThreadsSearch } from "./features/discussions/discussions-search";
import { ForumPage } from "./features/discussions/ForumPage";
import { ThreadPage } from "./features/discussions/ThreadPage";
import { EssentialsPage } from "./features/essentials/EssentialsPage";
import { FamilyPage } from "./features/family/FamilyPage";
import { HomePage } from "./features/home/HomePage";
import { CommunityInterventionsPage } from "./features/interventions/CommunityInterventionsPage";
import { GroupPage } from "./features/interventions/GroupPage";
import { InterventionsLanding } from "./features/interventions/InterventionsLanding";
import { NewGroupPage } from "./features/interventions/NewGroupPage";
import { NewPlanPage } from "./features/interventions/NewPlanPage";
import { NewGroupSearch } from "./features/interventions/new-group-search";
import { LibraryPage } from "./features/library/LibraryPage";
import { LibrarySearch } from "./features/library/library-search";
import { ResourcePage } from "./features/library/ResourcePage";
import { MeetingPage } from "./features/meetings/MeetingPage";
import { MeetingsPage } from "./features/meetings/MeetingsPage";
import { ScheduleMeetingPage } from "./features/meetings/ScheduleMeetingPage";
import { NormsPage } from "./features/norms/NormsPage";
import { OutboxMessagePage } from "./features/outbox/OutboxMessagePage";
import { OutboxPage } from "./features/outbox/OutboxPage";
import { OutboxSearch } from "./features/outbox/outbox-status";
import { PeoplePage } from "./features/people/PeoplePage";
import { PersonPage } from "./features/people/PersonPage";
import { PeopleSearch } from "./features/people/people-search";
import { ProfilePage } from "./features/profile/ProfilePage";
import { ProtocolsPage } from "./features/protocols/ProtocolsPage";
import { RosterImportPage } from "./features/rosters/RosterImportPage";
import { SchoolsPage } from "./features/schools/SchoolsPage";
import { SchoolsSearch } from "./features/schools/schools-search";
import { AppFrame } from "./features/shell/AppFrame";
import { NotFoundPage, NotFoundScreen } from "./features/shell/NotFoundPage";
import { StandardsPage } from "./features/standards/StandardsPage";
import { StandardsSearch } from "./features/standards/standards-search";
import { ReviewSearch } from "./features/student-review/review-search";
import { StudentsPage } from "./features/students/StudentsPage";
import { StudentsSearch } from "./features/students/students-search";
import { VisitPage } from "./features/visits/VisitPage";
import { VisitsPage } from "./features/visits/VisitsPage";

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
  component: ForgotPasswordPage,
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => signedOutRoute,
  path: "reset-password/$token",
  component: ResetPasswordPage,
});
const inviteRoute = createRoute({ getParentRoute: () => signedOutRoute, path: "invite/$token", component: InvitePage });

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
  component: CommunitiesPage,
});
const communityRoute = createRoute({
  getParentRoute: () => communitiesRoute,
  path: "$communityId",
  component: CommunityLayout,
});
const communityHomeRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "/",
  component: CommunityHomePage,
});
const communityMembersRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "members",
  component: MembersPage,
});
const communityNormsRoute = createRoute({ getParentRoute: () => communityRoute, path: "norms", component: NormsPage });
const communityMeetingsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "meetings",
  component: MeetingsPage,
});
const scheduleMeetingRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "meetings/new",
  component: ScheduleMeetingPage,
});
const communityProtocolsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "protocols",
  component: ProtocolsPage,
});
const communityEssentialsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "essentials",
  component: EssentialsPage,
});
const communityAssessmentsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "assessments",
  component: AssessmentsPage,
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
  component: CommunityInterventionsPage,
});
const newGroupRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "interventions/new",
  validateSearch: NewGroupSearch,
  component: NewGroupPage,
});
const communityCyclesRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "cycles",
  component: CyclesPage,
});
const communityCycleRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "cycles/$cycleId",
  component: CyclePage,
});
// The district's record of finished cycles (cycle.readRecord: its staff).
const cycleRecordRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "cycles/record",
  component: CycleRecordPage,
});
const communitySettingsRoute = createRoute({
  getParentRoute: () => communityRoute,
  path: "settings",
  component: CommunitySettingsPage,
});
// Emails link here, so a meeting has an address of its own, outside its community's pages.
const meetingRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "meetings/$meetingId",
  component: MeetingPage,
});
// An assessment and its results have addresses of their own, outside their community's pages.
const assessmentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "assessments/$assessmentId",
  component: AssessmentPage,
});
const assessmentResultsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "assessments/$assessmentId/results",
  component: ResultsPage,
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
  component: StudentsPage,
});
const studentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "students/$studentId",
  component: lazyRouteComponent(() => import("./features/students/StudentPage"), "StudentPage"),
});
const newStudentPlanRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "students/$studentId/plans/new",
  component: NewPlanPage,
});
const familyRoute = createRoute({ getParentRoute: () => signedInRoute, path: "family", component: FamilyPage });
const standardsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "standards",
  validateSearch: StandardsSearch,
  component: StandardsPage,
});
const interventionsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions",
  component: InterventionsLanding,
});
const groupRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions/groups/$groupId",
  component: GroupPage,
});
const planRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions/plans/$planId",
  component: lazyRouteComponent(() => import("./features/interventions/PlanPage"), "PlanPage"),
});
const interventionReportsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "interventions/reports",
  component: lazyRouteComponent(
    () => import("./features/intervention-reports/InterventionReportsPage"),
    "InterventionReportsPage",
  ),
});
const goalsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "goals",
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
  component: CommunityDiscussionsPage,
});
// Notifications link to threads by their own address, wherever they live.
const discussionsRoute = createRoute({ getParentRoute: () => signedInRoute, path: "discussions", component: Outlet });
const forumRoute = createRoute({
  getParentRoute: () => discussionsRoute,
  path: "/",
  validateSearch: ThreadsSearch,
  component: ForumPage,
});
const discussionSearchRoute = createRoute({
  getParentRoute: () => discussionsRoute,
  path: "search",
  validateSearch: DiscussionSearch,
  component: DiscussionSearchPage,
});
const threadRoute = createRoute({
  getParentRoute: () => discussionsRoute,
  path: "$threadId",
  component: ThreadPage,
});
const libraryRoute = createRoute({ getParentRoute: () => signedInRoute, path: "library", component: Outlet });
const libraryIndexRoute = createRoute({
  getParentRoute: () => libraryRoute,
  path: "/",
  validateSearch: LibrarySearch,
  component: LibraryPage,
});
const resourceRoute = createRoute({
  getParentRoute: () => libraryRoute,
  path: "$resourceId",
  component: ResourcePage,
});
const visitsRoute = createRoute({ getParentRoute: () => signedInRoute, path: "visits", component: Outlet });
const visitsIndexRoute = createRoute({ getParentRoute: () => visitsRoute, path: "/", component: VisitsPage });
const visitRoute = createRoute({ getParentRoute: () => visitsRoute, path: "$visitId", component: VisitPage });
const profileRoute = createRoute({ getParentRoute: () => signedInRoute, path: "profile", component: ProfilePage });

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
  component: PeoplePage,
});
const personRoute = createRoute({ getParentRoute: () => adminRoute, path: "people/$personId", component: PersonPage });
const schoolsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "schools",
  validateSearch: SchoolsSearch,
  component: SchoolsPage,
});
const auditRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "audit",
  validateSearch: AuditSearch,
  component: AuditPage,
});
const outboxRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "outbox",
  validateSearch: OutboxSearch,
  component: OutboxPage,
});
const rosterImportRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "rosters",
  component: RosterImportPage,
});
const outboxMessageRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "outbox/$messageId",
  component: OutboxMessagePage,
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
