import { ROLE_LABELS } from "../../../../contract/people";
import { PageHeader } from "../../components/PageHeader";
import { useMe } from "../auth/me.api";
import { DigestSetting } from "../notifications/DigestSetting";
import { NoticeChannels } from "../notifications/NoticeChannels";
import { ApiTokensSection } from "./ApiTokensSection";
import { CalendarFeedSection } from "./CalendarFeedSection";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { LanguageSetting } from "./LanguageSetting";
import { SessionsList } from "./SessionsList";

/** The signed-in person's own account: who they are, their password, calendar feed, sessions and API tokens. */
export function ProfilePage() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Profile" />
      <section className="panel" aria-labelledby="profile-account-heading">
        <h2 id="profile-account-heading">Your account</h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{me.displayName}</dd>
          <dt>Email</dt>
          <dd>{me.email}</dd>
          <dt>District</dt>
          <dd>{me.district.name}</dd>
          <dt>Roles</dt>
          <dd>
            <ul className="cell-list">
              {me.roles.map((role) => (
                <li key={`${role.role}-${role.schoolId ?? ""}`}>
                  {ROLE_LABELS[role.role]} · {role.schoolName ?? "District-wide"}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        <LanguageSetting />
        <p className="muted">To change your name or email address, ask a district or school leader.</p>
      </section>
      <div className="panel">
        <ChangePasswordForm />
      </div>
      <DigestSetting />
      <NoticeChannels />
      <CalendarFeedSection />
      <SessionsList />
      {me.can.manageApiTokens ? <ApiTokensSection /> : null}
    </>
  );
}
