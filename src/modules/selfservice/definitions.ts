// Loads the service definitions (src/services/*.json) and checks them: first against
// the schema, then the rules a schema cannot say (unique ids, conditions that point at
// earlier questions and real options). Any problem stops start-up with file, path and problem.
import fs from 'node:fs';
import path from 'node:path';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { Field, fieldSchemas, GroupField, ServiceDefinition, type Condition, type ConditionTest, type Field as FieldT } from './schema.ts';

export const defaultServicesDir = path.resolve(import.meta.dirname, '../../services');

export class DefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid service definition:\n${problems.join('\n')}`);
    this.name = 'DefinitionError';
  }
}

/** Schema errors, one line per path, the most specific first. */
function schemaProblems(schema: TSchema, value: unknown, base: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const error of Value.Errors(schema, value)) {
    // A union's "must match a schema in anyOf" says less than its members' errors.
    if (error.keyword === 'anyOf' && out.length > 0) continue;
    // "schema is false" repeats what additionalProperties says with the names.
    if (error.keyword === 'boolean') continue;
    const where = `${base}${error.instancePath}` || '/';
    const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperties?: string[] }).additionalProperties?.join(', ')})` : '';
    const line = `${where}: ${error.message}${extra}`;
    if (!seen.has(line)) out.push(line);
    seen.add(line);
  }
  return out;
}

/** The schema of one field by its type, so a wrong field reports its own problems, not a union's. */
function checkField(raw: unknown, where: string, inGroup: boolean): string[] {
  const type = (raw as { type?: unknown } | null)?.type;
  if (type === 'group') {
    if (inGroup) return [`${where}/type: a group cannot hold another group`];
    const problems = schemaProblems(GroupField, { ...(raw as object), fields: [] }, where).filter((p) => !p.includes('/fields'));
    const inner = (raw as { fields?: unknown }).fields;
    if (!Array.isArray(inner) || inner.length === 0) return [...problems, `${where}/fields: a group needs at least one field`];
    inner.forEach((f, i) => problems.push(...checkField(f, `${where}/fields/${i}`, true)));
    return problems;
  }
  if (typeof type !== 'string' || !(type in fieldSchemas)) {
    return [`${where}/type: unknown field type ${JSON.stringify(type)}; expected one of ${[...Object.keys(fieldSchemas), 'group'].join(', ')}`];
  }
  if (inGroup && (type === 'file' || type === 'guidance')) return [`${where}/type: a group cannot hold a ${type} field`];
  return schemaProblems(fieldSchemas[type as keyof typeof fieldSchemas], raw, where);
}

function testsOf(condition: Condition): ConditionTest[] {
  return 'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition];
}

/** The rules between parts of a valid-shaped definition. */
function crossProblems(def: ServiceDefinition): string[] {
  const problems: string[] = [];
  const known = new Map<string, FieldT>();
  const stepIds = new Set<string>();
  const exitIds = new Set<string>();

  const checkCondition = (condition: Condition | undefined, where: string) => {
    if (!condition) return;
    for (const test of testsOf(condition)) {
      const target = known.get(test.field);
      if (!target) {
        problems.push(`${where}: refers to field "${test.field}", which is not asked before this point`);
        continue;
      }
      const options = 'options' in target ? target.options.map((o) => o.value) : target.type === 'yesno' ? ['yes', 'no'] : undefined;
      for (const value of [test.equals, test.notEquals, test.includes, ...(test.in ?? [])]) {
        if (value !== undefined && options && !options.includes(value)) problems.push(`${where}: "${value}" is not an option of field "${test.field}" (${options.join(', ')})`);
      }
      if (test.includes !== undefined && target.type !== 'checkboxes') problems.push(`${where}: "includes" needs a checkboxes field; "${test.field}" is ${target.type}`);
      const numeric = [test.atLeast, test.above, test.atMost, test.below].some((v) => v !== undefined);
      if (numeric && target.type !== 'number') problems.push(`${where}: "atLeast", "above", "atMost" and "below" need a number field; "${test.field}" is ${target.type}`);
    }
  };

  def.steps.forEach((step, s) => {
    const at = `/steps/${s}`;
    if (stepIds.has(step.id)) problems.push(`${at}/id: step id "${step.id}" is used twice`);
    stepIds.add(step.id);
    checkCondition(step.showIf, `${at}/showIf`);
    step.fields.forEach((f, i) => {
      const fieldAt = `${at}/fields/${i}`;
      if (known.has(f.id)) problems.push(`${fieldAt}/id: field id "${f.id}" is used twice`);
      checkCondition(f.showIf, `${fieldAt}/showIf`);
      if ('options' in f) {
        const values = f.options.map((o) => o.value);
        if (new Set(values).size !== values.length) problems.push(`${fieldAt}/options: two options have the same value`);
      }
      if (f.type === 'group') {
        if (f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push(`${fieldAt}: min (${f.min}) is more than max (${f.max})`);
        const inner = new Set<string>();
        f.fields.forEach((g, j) => {
          if (inner.has(g.id)) problems.push(`${fieldAt}/fields/${j}/id: field id "${g.id}" is used twice in the group`);
          inner.add(g.id);
          if (g.showIf) problems.push(`${fieldAt}/fields/${j}/showIf: fields inside a group cannot have conditions`);
        });
      }
      if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) problems.push(`${fieldAt}: min (${f.min}) is more than max (${f.max})`);
      known.set(f.id, f);
    });
    step.exits?.forEach((exit, e) => {
      if (exitIds.has(exit.id)) problems.push(`${at}/exits/${e}/id: exit id "${exit.id}" is used twice`);
      exitIds.add(exit.id);
      checkCondition(exit.when, `${at}/exits/${e}/when`);
    });
  });
  if (def.steps.every((s) => s.showIf)) problems.push('/steps: the first step must not be conditional, or some citizens would see no questions');
  if (def.steps[0]?.showIf) problems.push('/steps/0/showIf: the first step is always shown');
  return problems;
}

/** Checks one parsed definition; returns it typed, or every problem found. */
export function checkDefinition(raw: unknown): { ok: true; definition: ServiceDefinition } | { ok: false; problems: string[] } {
  const steps = (raw as { steps?: unknown } | null)?.steps;
  // The envelope first, with fields as they are, then each field by its own type.
  const envelope = Array.isArray(steps)
    ? { ...(raw as object), steps: steps.map((s: unknown) => (s && typeof s === 'object' && Array.isArray((s as { fields?: unknown }).fields) ? { ...s, fields: [{ type: 'guidance', id: 'x', text: { da: 'x', en: 'x' } }] } : s)) }
    : raw;
  const problems = schemaProblems(ServiceDefinition, envelope, '');
  if (Array.isArray(steps)) {
    steps.forEach((s: unknown, i) => {
      const fields = (s as { fields?: unknown } | null)?.fields;
      if (Array.isArray(fields)) fields.forEach((f, j) => problems.push(...checkField(f, `/steps/${i}/fields/${j}`, false)));
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  // The shape is right: the schema's types hold.
  const definition = raw as ServiceDefinition;
  if (!Value.Check(ServiceDefinition, definition) || !definition.steps.every((s) => s.fields.every((f) => Value.Check(Field, f)))) {
    return { ok: false, problems: ['/: does not match the definition schema'] };
  }
  const cross = crossProblems(definition);
  return cross.length > 0 ? { ok: false, problems: cross } : { ok: true, definition };
}

/** The catalogue: every definition, by id. */
export interface Catalogue {
  all: readonly ServiceDefinition[];
  get(id: string): ServiceDefinition | undefined;
}

export function catalogueOf(definitions: readonly ServiceDefinition[]): Catalogue {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  return { all: definitions, get: (id) => byId.get(id) };
}

/**
 * Reads every *.json in `dir`. Throws DefinitionError naming file, path and problem
 * for each broken definition (all of them, not just the first), so start-up stops.
 */
export function loadCatalogue(dir: string = defaultServicesDir, departments?: readonly string[]): Catalogue {
  const problems: string[] = [];
  const definitions: ServiceDefinition[] = [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const relative = path.relative(process.cwd(), path.join(dir, file));
    const shown = relative.startsWith('..') ? path.join(dir, file) : relative;
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${shown}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const result = checkDefinition(raw);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => `${shown}: ${p}`));
      continue;
    }
    const def = result.definition;
    if (`${def.id}.json` !== file) problems.push(`${shown}: /id: the file must be named after the id ("${def.id}.json")`);
    if (definitions.some((d) => d.id === def.id)) problems.push(`${shown}: /id: another file already defines "${def.id}"`);
    if (departments && !departments.includes(def.department)) problems.push(`${shown}: /department: "${def.department}" is not one of the departments (${departments.join(', ')})`);
    definitions.push(def);
  }
  if (files.length === 0) problems.push(`${dir}: no service definitions (*.json) found`);
  if (problems.length > 0) throw new DefinitionError(problems);
  return catalogueOf(definitions);
}
