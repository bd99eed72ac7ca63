import { getRouteApi, Link, useRouter } from "@tanstack/react-router";
import { SignInInput } from "../../../../contract/auth";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { useContractForm } from "../../components/use-contract-form";
import { useSignIn } from "./auth.api";

const route = getRouteApi("/signed-out/sign-in");

/** Only same-site paths, so a crafted link cannot send someone elsewhere after they sign in. */
function safeRedirect(target: string | undefined): string {
  return target?.startsWith("/") && !target.startsWith("//") ? target : "/";
}

export function SignInPage() {
  const { redirect } = route.useSearch();
  const router = useRouter();
  const signIn = useSignIn();
  const form = useContractForm({
    schema: SignInInput,
    defaultValues: { email: "", password: "" },
    messages: { email: "Enter your email address.", password: "Enter your password." },
    onValid: (input) =>
      signIn.mutate(input, { onSuccess: () => router.history.push(safeRedirect(redirect)), onError: form.showProblem }),
  });

  return (
    <>
      <PageHeader title="Sign in" description="Welcome back to your professional learning community." />
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert message={form.formMessage} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          {...form.register("email")}
          error={form.fieldError("email")}
          required
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          {...form.register("password")}
          error={form.fieldError("password")}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            Sign in
          </button>
          <Link to="/forgot-password">Forgot password?</Link>
        </div>
      </form>
    </>
  );
}
