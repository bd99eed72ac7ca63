import { getRouteApi, Link, useRouter } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { SignInInput } from "../../../../contract/auth";
import { TextField } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { NO_PROBLEM, problemFromError, validateForm } from "../../components/form-errors";
import { PageHeader } from "../../components/PageHeader";
import { useFocusFirstError } from "../../components/use-focus-first-error";
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
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState(NO_PROBLEM);
  useFocusFirstError(formRef, problem);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validateForm(
      SignInInput,
      { email, password },
      { email: "Enter your email address.", password: "Enter your password." },
    );
    if (checked.problem) return setProblem(checked.problem);
    setProblem(NO_PROBLEM);
    signIn.mutate(checked.data, {
      onSuccess: () => router.history.push(safeRedirect(redirect)),
      onError: (error) => setProblem(problemFromError(error)),
    });
  }

  return (
    <>
      <PageHeader title="Sign in" description="Welcome back to your professional learning community." />
      <form ref={formRef} onSubmit={handleSubmit} noValidate className="form">
        <FormAlert message={problem.message} />
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problem.fields.email}
          required
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={problem.fields.password}
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
