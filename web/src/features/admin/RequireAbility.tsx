import type { ReactNode } from "react";
import type { Me } from "../../../../contract/auth";
import { PageHeader } from "../../components/PageHeader";
import { useMe } from "../auth/me.api";

type RequireAbilityProps = { ability: keyof Me["can"]; title: string; children: ReactNode };

/** Shows the page only when the server said this person may use it; the server enforces it regardless. */
export function RequireAbility({ ability, title, children }: RequireAbilityProps) {
  const me = useMe();
  if (me.can[ability]) return children;
  return (
    <>
      <PageHeader title={title} />
      <p>You do not have access to this page. If you think you should, ask a district leader.</p>
    </>
  );
}
