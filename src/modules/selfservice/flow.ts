// The guided flow over a definition: which steps are shown for these answers, where
// "Fortsæt" and "Tilbage" lead, which exit applies, and what is still missing.
import { isVisible, evaluate } from './conditions.ts';
import { checkStep, isInput, rawFromAnswers, type CheckContext, type FieldError } from './fields.ts';
import type { Answers, Exit, InputField, ServiceDefinition, Step } from './schema.ts';

export const CHECK_ANSWERS = 'tjek';

/** The steps shown for these answers, in order. A hidden step's answers do not count. */
export function visibleSteps(def: ServiceDefinition, answers: Answers): Step[] {
  const shown: Step[] = [];
  for (const step of def.steps) if (isVisible(step.showIf, answers)) shown.push(step);
  return shown;
}

/** The answers that still apply: those of shown steps and shown fields only. */
export function applicableAnswers(def: ServiceDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const step of def.steps) {
    if (!isVisible(step.showIf, kept)) continue;
    for (const field of step.fields) {
      if (!isInput(field) || !isVisible(field.showIf, kept)) continue;
      if (answers[field.id] !== undefined) kept[field.id] = answers[field.id]!;
    }
  }
  return kept;
}

export function stepIndex(def: ServiceDefinition, answers: Answers, stepId: string): number {
  return visibleSteps(def, answers).findIndex((s) => s.id === stepId);
}

/** Where "Fortsæt" leads from a step: the next shown step, or "Tjek dine svar". */
export function nextStepId(def: ServiceDefinition, answers: Answers, stepId: string): string {
  const steps = visibleSteps(def, answers);
  const i = steps.findIndex((s) => s.id === stepId);
  return steps[i + 1]?.id ?? CHECK_ANSWERS;
}

/** Where the back link leads: the previous shown step, or the start page. */
export function previousStepId(def: ServiceDefinition, answers: Answers, stepId: string): string | undefined {
  const steps = visibleSteps(def, answers);
  if (stepId === CHECK_ANSWERS) return steps.at(-1)?.id;
  const i = steps.findIndex((s) => s.id === stepId);
  return i > 0 ? steps[i - 1]!.id : undefined;
}

/** The first exit whose condition these answers meet, among the shown steps up to `stepId`. */
export function exitFor(def: ServiceDefinition, answers: Answers, stepId?: string): Exit | undefined {
  for (const step of visibleSteps(def, answers)) {
    const exit = step.exits?.find((e) => evaluate(e.when, answers));
    if (exit) return exit;
    if (step.id === stepId) break;
  }
  return undefined;
}

/**
 * Re-checks every shown step against the stored answers, as "Tjek dine svar" and the
 * submission must: the first step with a problem, or none. (A definition change or a
 * changed earlier answer can make a later step incomplete.)
 */
export async function firstIncompleteStep(def: ServiceDefinition, answers: Answers, ctx: CheckContext): Promise<{ step: Step; errors: FieldError[] } | undefined> {
  let earlier: Answers = {};
  for (const step of visibleSteps(def, answers)) {
    const files = Object.fromEntries(step.fields.filter((f) => f.type === 'file').map((f) => [f.id, (answers[f.id] ?? []) as never]));
    const { values, errors } = await checkStep(step.fields, rawFromAnswers(step.fields, answers), earlier, ctx, files);
    if (errors.length > 0) return { step, errors };
    earlier = { ...earlier, ...values };
  }
  return undefined;
}

/** Every shown question with its answer, in order, for "Tjek dine svar", the receipt and the PDF. */
export function answeredQuestions(def: ServiceDefinition, answers: Answers): { step: Step; field: InputField }[] {
  const rows: { step: Step; field: InputField }[] = [];
  for (const step of visibleSteps(def, answers)) {
    for (const field of step.fields) if (isInput(field) && isVisible(field.showIf, answers)) rows.push({ step, field });
  }
  return rows;
}
