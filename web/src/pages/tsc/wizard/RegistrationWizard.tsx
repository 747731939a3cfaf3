import { Alert, Button, Group, List, Paper, Stack, Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import type { RegisterApplication } from '../../../api/types.gen.ts';
import { ApplicationOutcome, formText } from '../../../components/ApplicationOutcome.tsx';
import { PageHeader, ProblemAlert } from '../../../components/feedback.tsx';
import { navigate, useLocation } from '../../../lib/router.tsx';
import { useSession } from '../../../lib/session.tsx';
import { useAction, useApi } from '../../../lib/use-api.ts';
import { BusinessStep } from './BusinessStep.tsx';
import { DocumentsStep } from './DocumentsStep.tsx';
import { RegisterStep } from './RegisterStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { SigningStep } from './SigningStep.tsx';
import { emptyWizard, missingOnStep, registrationBody, STEPS, stepOfError, type WizardState } from './state.ts';

/** Body fields that the steps show next to their inputs. */
const SHOWN_FIELDS = [
  'businessTin',
  'modelId',
  'manufacturerNumber',
  'softwareVersion',
  'fiscalModuleNumber',
  'placeOfActivity',
  'signatory',
  'signedOn',
  'phone',
  'signature',
  'receivedAt',
  'technicalCheck',
  'attachments',
];

/** The label of a missing field, for the list under the step. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (field: string): string => {
    switch (field) {
      case 'businessTin':
        return t('field.tin');
      case 'modelId':
        return t('field.model');
      case 'technicalCheck':
        return t('wizard.technicalCheck');
      case 'signature':
        return t('field.signature');
      case 'place_of_activity_document':
      case 'service_contract':
      case 'address_and_place_of_activity':
        return t(`attachment.${field}`);
      case 'manufacturerNumber':
      case 'softwareVersion':
      case 'fiscalModuleNumber':
      case 'placeOfActivity':
      case 'signatory':
      case 'signedOn':
      case 'phone':
        return t(`field.${field}`);
      default:
        return field;
    }
  };
}

/** Pre-fills a resubmission (p.28) from the refused application; files must be attached again. */
function fromPrevious(previous: RegisterApplication): Partial<WizardState> {
  return {
    tin: previous.businessTin,
    modelId: previous.modelId,
    registerKind: formText(previous, 'registerKind') === 'online' ? 'online' : 'virtual',
    manufacturerNumber: formText(previous, 'manufacturerNumber'),
    softwareVersion: formText(previous, 'softwareVersion'),
    fiscalModuleNumber: formText(previous, 'fiscalModuleNumber'),
    placeOfActivity: formText(previous, 'placeOfActivity'),
    signatory: formText(previous, 'signatory'),
    phone: formText(previous, 'phone'),
    previousApplicationId: previous.id,
  };
}

/** TSC specialist: the Annex 1 registration, step by step, then its outcome (p.19-28, p.92). */
export function RegistrationWizard() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const previousId = search.get('previous');
  const [state, setState] = useState<WizardState>(emptyWizard);
  const [active, setActive] = useState(0);
  const [missing, setMissing] = useState<string[]>([]);
  const [result, setResult] = useState<RegisterApplication>();
  const label = useFieldLabel();
  // Step hints only where five steps fit on one line; the labels alone elsewhere.
  const isWide = useMediaQuery('(min-width: 1440px)');
  const update = (patch: Partial<WizardState>) => setState((s) => ({ ...s, ...patch }));
  const models = useApi(() => api('GET /api/public/models', { query: { kind: state.registerKind } }), [state.registerKind]);
  const model = models.data?.find((m) => m.id === state.modelId);
  // The TSC's modules ready to be installed (registered at its request, p.56).
  const { principal } = useSession();
  const modules = useApi(
    () =>
      api('GET /api/fiscal/fiscal-modules', { query: { tscId: principal?.orgId ?? undefined, status: 'registered', limit: 200 } }).then((list) =>
        list.map((m) => m.number),
      ),
    [principal?.orgId],
  );

  useEffect(() => {
    if (!previousId) return;
    api('GET /api/fiscal/applications/{id}', { params: { id: previousId } })
      .then(async (previous) => {
        const business = await api('GET /api/fiscal/businesses/{tin}', { params: { tin: previous.businessTin } }).catch(() => undefined);
        setState({ ...emptyWizard(), ...fromPrevious(previous), business });
        setActive(0);
        setResult(undefined);
      })
      .catch(() => undefined);
  }, [previousId]);

  const submit = useAction(async () => api('POST /api/fiscal/applications', { body: await registrationBody(state) }));
  const step = STEPS[active] ?? 'review';

  const go = (to: number) => {
    if (to > active) {
      const gaps = missingOnStep(state, step);
      setMissing(gaps);
      if (gaps.length > 0) return;
    }
    setMissing([]);
    setActive(Math.max(0, Math.min(STEPS.length - 1, to)));
  };

  const send = async () => {
    const application = await submit.run();
    if (application) {
      setResult(application);
      return;
    }
  };

  // A refusal of the form itself (validation, technical check…) opens the step that can fix it.
  useEffect(() => {
    if (!submit.error) return;
    const at = stepOfError(submit.error);
    if (at) setActive(STEPS.indexOf(at));
  }, [submit.error]);

  const restart = () => {
    setState(emptyWizard());
    setResult(undefined);
    setActive(0);
    submit.reset();
    navigate('/tsc/register');
  };

  if (result)
    return (
      <Stack maw={960}>
        <PageHeader title={t('wizard.title')} />
        <ApplicationOutcome
          application={result}
          cardHref={result.registerId ? `/registers/${result.registerId}` : undefined}
          actions={
            <>
              {result.status === 'refused' && <Button onClick={() => navigate(`/tsc/register?previous=${result.id}`)}>{t('outcome.resubmit')}</Button>}
              <Button variant="default" onClick={restart}>
                {t('outcome.another')}
              </Button>
            </>
          }
        />
      </Stack>
    );

  const props = { state, update, error: submit.error };
  return (
    <Stack maw={960}>
      <PageHeader title={t('wizard.title')} subtitle={t('wizard.subtitle')} />
      {state.previousApplicationId && <Alert color="blue">{t('wizard.resubmitting')}</Alert>}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Stepper active={active} onStepClick={(i) => i < active && go(i)} size="sm" allowNextStepsSelect={false} wrap>
          {STEPS.map((s) => (
            <Stepper.Step key={s} label={t(`wizard.step.${s}`)} description={isWide ? t(`wizard.step.${s}Hint`) : undefined} />
          ))}
        </Stepper>
        <Stack mt="lg" data-testid={`wizard-step-${step}`}>
          {step === 'business' && <BusinessStep {...props} />}
          {step === 'register' && <RegisterStep {...props} modules={modules.error ? undefined : modules.data} />}
          {step === 'documents' && <DocumentsStep {...props} />}
          {step === 'signing' && <SigningStep {...props} showMissing={missing.includes('technicalCheck')} />}
          {step === 'review' && <ReviewStep state={state} modelLabel={model ? `${model.name} ${model.version}` : ''} />}
          {missing.length > 0 && (
            <Alert color="red" variant="light" title={t('wizard.fixStep')} role="alert">
              <List size="sm">
                {missing.map((m) => (
                  <List.Item key={m}>{label(m)}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <ProblemAlert error={submit.error} shownFields={SHOWN_FIELDS} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => go(active - 1)} disabled={active === 0}>
              {t('action.back')}
            </Button>
            {step === 'review' ? (
              <Button onClick={() => void send()} loading={submit.isRunning} data-testid="wizard-submit">
                {t('wizard.submit')}
              </Button>
            ) : (
              <Button onClick={() => go(active + 1)} data-testid="wizard-next">
                {t('action.next')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
