// One field of a definition as DKFDS markup, filled from the raw form and its error.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/index.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { Alert, Button, Checkboxes, DateInput, Details, Field as FieldShell, FileUpload, NumberInput, Radios, Select, Textarea, TextInput, EN_TEXTS, DA_TEXTS } from '../../../platform/ui/components/index.ts';
import { DEFAULT_MAX_FILES, DEFAULT_MAX_SIZE_MB, DEFAULT_TEXT_MAX, DEFAULT_TEXTAREA_MAX, groupCount, type FieldError, type RawForm } from '../fields.ts';
import { selfServiceMessages } from '../messages.ts';
import type { Field, FileRef, GroupField, SimpleField } from '../schema.ts';

export interface FieldViewProps {
  field: Field;
  raw: RawForm;
  errors: readonly FieldError[];
  files: Record<string, FileRef[]>;
  lang: Lang;
}

const one = (raw: RawForm, name: string) => {
  const v = raw[name];
  return Array.isArray(v) ? v[0] : v;
};
const many = (raw: RawForm, name: string) => {
  const v = raw[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

function errorFor(errors: readonly FieldError[], name: string, fieldId: string): string | undefined {
  // Group items: the error whose target starts with the item's control name.
  return errors.find((e) => e.target === name || e.target.startsWith(`${name}-`) || (e.field === fieldId && e.target === fieldId))?.message;
}

function HelpText({ field, lang }: { field: Exclude<Field, { type: 'guidance' }>; lang: Lang }) {
  if (!field.help) return null;
  return (
    <Details summary={selfServiceMessages[lang].helpFor(field.label[lang])}>
      <p>{field.help[lang]}</p>
    </Details>
  );
}

/** A control named `name` (a group item's controls are `<group>-<i>-<field>`). */
function Control({ field, name, raw, error, lang }: { field: SimpleField; name: string; raw: RawForm; error: string | undefined; lang: Lang }) {
  const t = selfServiceMessages[lang];
  const texts = lang === 'da' ? DA_TEXTS : EN_TEXTS;
  const common = { id: name, label: field.label[lang], hint: field.hint?.[lang], error, required: field.required !== false, texts };
  const fieldset = { id: name, legend: field.label[lang], hint: field.hint?.[lang], error, required: field.required !== false, texts };
  // The shared props go last, not first: see Field (platform/ui/components/form.tsx).
  switch (field.type) {
    case 'text':
      return <TextInput name={name} value={one(raw, name)} characterLimit={field.maxLength ?? DEFAULT_TEXT_MAX} autocomplete={field.prefill === 'name' ? 'name' : field.prefill === 'organisation' ? 'organization' : undefined} {...common} />;
    case 'textarea':
      return <Textarea name={name} value={one(raw, name)} characterLimit={field.maxLength ?? DEFAULT_TEXTAREA_MAX} rows={6} {...common} />;
    case 'number':
      return <NumberInput name={name} value={one(raw, name)} decimal={(field.decimals ?? 0) > 0} suffix={field.unit?.[lang]} {...common} />;
    case 'email':
      return <TextInput name={name} value={one(raw, name)} type="email" autocomplete="email" spellcheck={false} {...common} />;
    case 'phone':
      return <TextInput name={name} value={one(raw, name)} type="tel" autocomplete="tel" inputClass="input-width-m" {...common} />;
    case 'cpr':
      return <TextInput name={name} value={one(raw, name)} inputmode="numeric" inputClass="input-width-s" spellcheck={false} autocomplete="off" {...common} />;
    case 'cvr':
      return <TextInput name={name} value={one(raw, name)} inputmode="numeric" inputClass="input-char-8" spellcheck={false} {...common} />;
    case 'address':
      // Without JavaScript the server finds the address; kanal.js adds suggestions while typing.
      return (
        <FieldShell
          children={(control) => (
            <input class="form-input" type="text" name={name} value={one(raw, name)} autocomplete="street-address" data-address-suggest="/api/addresses" {...control} />
          )}
          {...common}
        />
      );
    case 'date':
      return (
        <DateInput
          name={name}
          values={{ day: one(raw, `${name}-day`) ?? '', month: one(raw, `${name}-month`) ?? '', year: one(raw, `${name}-year`) ?? '' }}
          errorParts={undefined}
          {...fieldset}
        />
      );
    case 'radio':
      return <Radios name={name} value={one(raw, name)} items={field.options.map((o) => ({ value: o.value, label: o.label[lang], hint: o.hint?.[lang] }))} {...fieldset} />;
    case 'yesno':
      return <Radios name={name} value={one(raw, name)} items={[{ value: 'yes', label: t.yes }, { value: 'no', label: t.no }]} {...fieldset} />;
    case 'checkboxes':
      return <Checkboxes name={name} values={many(raw, name)} items={field.options.map((o) => ({ value: o.value, label: o.label[lang], hint: o.hint?.[lang] }))} {...fieldset} />;
    case 'select':
      return <Select name={name} value={one(raw, name)} options={[{ value: '', text: '' }, ...field.options.map((o) => ({ value: o.value, text: o.label[lang] }))]} {...common} />;
  }
}

function GroupView({ field, raw, errors, lang }: { field: GroupField; raw: RawForm; errors: readonly FieldError[]; lang: Lang }) {
  const t = selfServiceMessages[lang];
  const count = groupCount(field, raw);
  const max = field.max ?? 50;
  const groupError = errors.find((e) => e.field === field.id && e.target === `${field.id}-add`)?.message;
  const items: ComponentChildren[] = [];
  for (let i = 0; i < count; i++) {
    const prefix = `${field.id}-${i}-`;
    items.push(
      <fieldset class="kanal-group-item" key={i}>
        <legend class="h3">{t.item(field.itemLabel[lang], i + 1)}</legend>
        {field.fields.map((inner) => (
          <Control key={inner.id} field={inner} name={`${prefix}${inner.id}`} raw={raw} error={errorFor(errors, `${prefix}${inner.id}`, '')} lang={lang} />
        ))}
        {count > (field.min ?? 1) && (
          <Button variant="tertiary" name="_action" value={`remove:${field.id}:${i}`}>
            {`${t.remove} ${t.item(field.itemLabel[lang], i + 1).toLocaleLowerCase(lang)}`}
          </Button>
        )}
      </fieldset>,
    );
  }
  return (
    <div class={groupError ? 'form-group form-error' : 'form-group'}>
      <h2 class="h3">{field.label[lang]}</h2>
      {field.hint && <p class="form-hint">{field.hint[lang]}</p>}
      {groupError && (
        <span class="form-error-message" id={`${field.id}-add-error`}>
          <span class="sr-only">{lang === 'da' ? 'Fejl: ' : 'Error: '}</span>
          {groupError}
        </span>
      )}
      <input type="hidden" name={`${field.id}-count`} value={String(count)} />
      {items}
      {count < max && (
        <button type="submit" class="button button-secondary" id={`${field.id}-add`} name="_action" value={`add:${field.id}`}>
          {field.addLabel[lang]}
        </button>
      )}
      <HelpText field={field} lang={lang} />
    </div>
  );
}

function FileView({ field, files, errors, lang }: { field: Extract<Field, { type: 'file' }>; files: FileRef[]; errors: readonly FieldError[]; lang: Lang }) {
  const t = selfServiceMessages[lang];
  const max = field.maxFiles ?? DEFAULT_MAX_FILES;
  const mb = field.maxSizeMb ?? DEFAULT_MAX_SIZE_MB;
  const kinds = (field.accept ?? ['image', 'pdf']).map((k) => t.fileKinds[k]).join(lang === 'da' ? ' eller ' : ' or ');
  const limits = lang === 'da' ? `Du kan sende ${kinds}. Højst ${max} filer på ${formatNumber(lang, mb)} MB hver.` : `You can send ${kinds}. At most ${max} files of ${formatNumber(lang, mb)} MB each.`;
  const accept = (field.accept ?? ['image', 'pdf']).map((k) => (k === 'pdf' ? 'application/pdf,.pdf' : 'image/*')).join(',');
  return (
    <div>
      {files.length > 0 && (
        <div class="kanal-file-list">
          <h2 class="h4">{t.uploaded}</h2>
          <ul class="nobullet-list">
            {files.map((f) => (
              <li key={f.id}>
                {f.name} ({formatNumber(lang, Math.max(1, Math.round(f.size / 1024)))} kB){' '}
                <button type="submit" class="button button-tertiary" name="_remove" value={f.id}>
                  {t.removeFile(f.name)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {files.length < max && (
        <FileUpload
          id={field.id}
          name={field.id}
          label={field.label[lang]}
          hint={field.hint ? `${field.hint[lang]} ${limits}` : limits}
          error={errors.find((e) => e.field === field.id)?.message}
          required={field.required !== false && files.length === 0}
          optionalLabel={field.required === false}
          multiple={max - files.length > 1}
          accept={accept}
          texts={lang === 'da' ? DA_TEXTS : EN_TEXTS}
        />
      )}
      <HelpText field={field} lang={lang} />
    </div>
  );
}

export function FieldView({ field, raw, errors, files, lang }: FieldViewProps) {
  if (field.type === 'guidance') {
    return <Alert variant={field.variant ?? 'info'} heading={field.heading?.[lang]} headingLevel={2} role={false} text={field.text[lang]} />;
  }
  if (field.type === 'group') return <GroupView field={field} raw={raw} errors={errors} lang={lang} />;
  if (field.type === 'file') return <FileView field={field} files={files[field.id] ?? []} errors={errors} lang={lang} />;
  return (
    <div>
      <Control field={field} name={field.id} raw={raw} error={errorFor(errors, field.id, field.id)} lang={lang} />
      <HelpText field={field} lang={lang} />
    </div>
  );
}
