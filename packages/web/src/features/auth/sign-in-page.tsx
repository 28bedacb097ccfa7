import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { LoginInputSchema } from '@evne/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { ProblemAlert } from '../../components/problem-alert';
import { useSession, useSignIn } from './use-session';

/** Only same-site paths are followed after signing in. */
function safeReturnTo(value: string | null): string {
  return value !== null && value.startsWith('/') && !value.startsWith('//') ? value : '/frameworks';
}

interface FieldErrors {
  email?: string;
  password?: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (signIn.isError) {
      alertRef.current?.focus();
    }
  }, [signIn.isError, signIn.failureCount]);

  if (session.isPending) {
    return <LoadingState />;
  }
  if (session.data && !signIn.isSuccess) {
    return <Navigate to={returnTo} replace />;
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = LoginInputSchema.safeParse({ email, password });
    if (!parsed.success) {
      const paths = new Set(parsed.error.issues.map((issue) => issue.path[0]));
      setFieldErrors({
        ...(paths.has('email') ? { email: t('signIn.emailInvalid') } : {}),
        ...(paths.has('password') ? { password: t('signIn.passwordMissing') } : {}),
      });
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data, { onSuccess: () => void navigate(returnTo, { replace: true }) });
  };

  return (
    <div className="narrow-page">
      <PageHeading title={t('signIn.title')} />
      <Paragraph>{t('signIn.intro')}</Paragraph>
      {signIn.isError && <ProblemAlert ref={alertRef} error={signIn.error} />}
      <form className="form-stack" onSubmit={onSubmit} noValidate>
        <Textfield
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
        />
        <Textfield
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
        />
        <Button type="submit" loading={signIn.isPending} aria-disabled={signIn.isPending}>
          {t('signIn.submit')}
        </Button>
      </form>
    </div>
  );
}
