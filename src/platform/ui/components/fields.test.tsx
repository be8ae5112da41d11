import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import {
  EN_TEXTS,
  Field,
  FileUpload,
  NumberInput,
  Select,
  TextInput,
  Textarea,
  resolveRequirement,
} from './index.ts';
import { attr, byId, classes, describedByIds, one, query, textOf } from './test-utils.ts';

describe('TextInput', () => {
  it('ties label, hint and error to the input', () => {
    const html = render(
      <TextInput id="navn" name="navn" label="Fulde navn" hint="Som i dit pas" error="Indtast dit fulde navn" autocomplete="name" />,
    );
    const label = one(html, 'label');
    assert.equal(attr(label, 'for'), 'navn');
    assert.equal(attr(label, 'class'), 'form-label');
    const input = byId(html, 'navn');
    assert.equal(input.tag, 'input');
    assert.equal(attr(input, 'type'), 'text');
    assert.equal(attr(input, 'name'), 'navn');
    assert.deepEqual(classes(input), ['form-input']);
    assert.deepEqual(describedByIds(input), ['navn-hint', 'navn-error']);
    assert.equal(attr(input, 'aria-invalid'), 'true');
    assert.equal(attr(input, 'autocomplete'), 'name');
    assert.ok(input.attrs.has('required'));
    // Every id it points at exists, with the DKFDS classes.
    assert.deepEqual(classes(byId(html, 'navn-hint')), ['form-hint']);
    const error = byId(html, 'navn-error');
    assert.deepEqual(classes(error), ['form-error-message']);
    assert.equal(textOf(html, error), 'Fejl: Indtast dit fulde navn');
    assert.equal(textOf(html, one(html, 'span', { class: 'sr-only' })), 'Fejl:');
    // Error state on the group.
    assert.deepEqual(classes(one(html, 'div')), ['form-group', 'form-error']);
  });

  it('renders DKFDS order: label, hint, error, input', () => {
    const html = render(<TextInput id="a" name="a" label="L" hint="H" error="E" />);
    const order = ['<label', 'id="a-hint"', 'id="a-error"', '<input'].map((s) => html.indexOf(s));
    assert.deepEqual([...order].sort((x, y) => x - y), order);
    assert.ok(order.every((i) => i >= 0));
  });

  it('has no aria-describedby or aria-invalid without hint and error', () => {
    const html = render(<TextInput id="a" name="a" label="L" />);
    const input = byId(html, 'a');
    assert.equal(attr(input, 'aria-describedby'), undefined);
    assert.equal(attr(input, 'aria-invalid'), undefined);
    assert.deepEqual(classes(one(html, 'div')), ['form-group']);
    assert.equal(query(html, 'span').length, 0);
  });

  it('treats an empty error as no error', () => {
    const html = render(<TextInput id="a" name="a" label="L" error="" />);
    assert.equal(attr(byId(html, 'a'), 'aria-invalid'), undefined);
    assert.ok(!html.includes('form-error'));
  });

  it('labels optional fields "(frivilligt)" and drops required', () => {
    const html = render(<TextInput id="tlf" name="tlf" label="Telefon" required={false} />);
    assert.equal(textOf(html, one(html, 'label')), 'Telefon (frivilligt)');
    assert.equal(attr(one(html, 'span'), 'class'), 'weight-normal');
    assert.ok(!byId(html, 'tlf').attrs.has('required'));
  });

  it('takes the optional marker from texts (English page)', () => {
    const html = render(
      <TextInput id="tlf" name="tlf" label="Phone" required={false} error="Enter a phone number" texts={EN_TEXTS} />,
    );
    assert.equal(textOf(html, one(html, 'label')), 'Phone (optional)');
    assert.equal(textOf(html, byId(html, 'tlf-error')), 'Error: Enter a phone number');
  });

  it('accepts a partial texts override', () => {
    const html = render(<TextInput id="x" name="x" label="X" required={false} texts={{ optional: '(valgfrit)' }} />);
    assert.equal(textOf(html, one(html, 'label')), 'X (valgfrit)');
  });

  it('can mark required fields instead', () => {
    const html = render(<TextInput id="x" name="x" label="X" requiredLabel />);
    assert.equal(textOf(html, one(html, 'label')), 'X (*skal udfyldes)');
    assert.ok(byId(html, 'x').attrs.has('required'));
  });

  it('escapes user input in value, label, hint and error', () => {
    const evil = '"><script>alert(1)</script>';
    const html = render(<TextInput id="q" name="q" label={evil} hint={evil} error={evil} value={evil} />);
    assert.ok(!html.includes('<script'), html);
    assert.ok(html.includes('&lt;script>'));
    assert.equal(attr(byId(html, 'q'), 'value'), evil);
    assert.equal(textOf(html, one(html, 'label')), evil);
  });

  it('wraps prefix/suffix in form-input-wrapper with aria-hidden affixes', () => {
    const html = render(<TextInput id="w" name="w" label="Bredde" suffix="cm" prefix="ca." />);
    assert.deepEqual(classes(one(html, 'div', { class: 'form-input-wrapper form-input-wrapper--prefix form-input-wrapper--suffix' })), [
      'form-input-wrapper',
      'form-input-wrapper--prefix',
      'form-input-wrapper--suffix',
    ]);
    assert.equal(attr(one(html, 'div', { class: 'form-input-suffix' }), 'aria-hidden'), 'true');
    assert.equal(attr(one(html, 'div', { class: 'form-input-prefix' }), 'aria-hidden'), 'true');
  });

  it('adds the DKFDS character-limit markup', () => {
    const html = render(<TextInput id="t" name="t" label="Titel" hint="Kort" characterLimit={20} value="Hej" />);
    const group = one(html, 'div');
    assert.deepEqual(classes(group), ['form-group', 'form-limit']);
    assert.equal(attr(group, 'data-maxlength'), '20');
    assert.deepEqual(describedByIds(byId(html, 't')), ['t-hint', 't-limit-message']);
    assert.equal(textOf(html, byId(html, 't-limit-message')), 'Du kan indtaste op til 20 tegn');
    const visible = one(html, 'span', { class: 'form-hint character-limit' });
    assert.equal(attr(visible, 'aria-hidden'), 'true');
    assert.equal(textOf(html, visible), 'Du har 17 tegn tilbage');
    assert.equal(attr(one(html, 'span', { class: 'character-limit-sr-only sr-only' }), 'aria-live'), 'polite');
  });
});

describe('NumberInput', () => {
  it('uses a text input with a numeric keyboard', () => {
    const html = render(<NumberInput id="n" name="n" label="Antal" value="007" error="Skriv et tal" />);
    const input = byId(html, 'n');
    assert.equal(attr(input, 'type'), 'text');
    assert.equal(attr(input, 'inputmode'), 'numeric');
    assert.equal(attr(input, 'value'), '007');
    assert.equal(attr(input, 'aria-invalid'), 'true');
    assert.deepEqual(describedByIds(input), ['n-error']);
    assert.equal(attr(one(html, 'label'), 'for'), 'n');
  });

  it('allows decimals and a unit suffix', () => {
    const html = render(<NumberInput id="b" name="b" label="Beløb i kr." decimal suffix="kr." />);
    assert.equal(attr(byId(html, 'b'), 'inputmode'), 'decimal');
    assert.ok(html.includes('form-input-suffix'));
  });
});

describe('Textarea', () => {
  it('wires label, hint, error and character limit', () => {
    const html = render(
      <Textarea id="besk" name="besk" label="Beskrivelse" hint="Max 200 tegn" error="For lang" characterLimit={5} value={'abc\r\ndefg'} rows={4} />,
    );
    const ta = byId(html, 'besk');
    assert.equal(ta.tag, 'textarea');
    assert.deepEqual(describedByIds(ta), ['besk-hint', 'besk-error', 'besk-limit-message']);
    assert.equal(attr(ta, 'aria-invalid'), 'true');
    assert.equal(attr(ta, 'rows'), '4');
    assert.ok(classes(ta).includes('form-input'));
    // Over the limit (CRLF counts once): DKFDS over-limit classes and message.
    assert.ok(classes(ta).includes('form-limit-error'));
    const visible = one(html, 'span', { class: 'form-hint character-limit limit-exceeded' });
    assert.equal(textOf(html, visible), 'Du har 3 tegn for meget');
    assert.deepEqual(classes(one(html, 'div')), ['form-group', 'form-error', 'form-limit']);
  });

  it('escapes its content', () => {
    const html = render(<Textarea id="x" name="x" label="X" value="</textarea><script>x()</script>" />);
    assert.ok(!html.includes('<script'));
    assert.equal(html.match(/<\/textarea>/g)?.length, 1);
  });
});

describe('Select', () => {
  it('wires label/hint/error and marks the selected option', () => {
    const html = render(
      <Select
        id="kommune"
        name="kommune"
        label="Kommune"
        hint="Hvor du bor"
        error="Vælg din kommune"
        value="101"
        options={[
          { value: '', text: 'Vælg kommune' },
          { value: '101', text: 'København' },
          { value: '147', text: 'Frederiksberg' },
        ]}
      />,
    );
    const select = byId(html, 'kommune');
    assert.equal(select.tag, 'select');
    assert.deepEqual(classes(select), ['form-select']);
    assert.deepEqual(describedByIds(select), ['kommune-hint', 'kommune-error']);
    assert.equal(attr(select, 'aria-invalid'), 'true');
    assert.equal(attr(one(html, 'label'), 'for'), 'kommune');
    const selected = query(html, 'option', { selected: true });
    assert.equal(selected.length, 1);
    assert.equal(attr(selected[0]!, 'value'), '101');
  });
});

describe('FileUpload', () => {
  it('renders a labelled native file input', () => {
    const html = render(<FileUpload id="bilag" name="bilag" label="Vedhæft fil" hint="PDF" error="Filen er for stor" accept=".pdf" />);
    const input = byId(html, 'bilag');
    assert.equal(attr(input, 'type'), 'file');
    assert.equal(attr(input, 'accept'), '.pdf');
    assert.deepEqual(describedByIds(input), ['bilag-hint', 'bilag-error']);
    assert.equal(attr(input, 'aria-invalid'), 'true');
    assert.equal(attr(one(html, 'label'), 'for'), 'bilag');
  });
});

describe('Field', () => {
  it('hands the wired attributes to a custom control', () => {
    const html = render(
      <Field id="c" label="Eget felt" hint="Hjælp" error="Fejl i feltet">
        {(control) => <input type="range" class="form-input" {...control} />}
      </Field>,
    );
    const input = byId(html, 'c');
    assert.deepEqual(describedByIds(input), ['c-hint', 'c-error']);
    assert.equal(attr(input, 'aria-invalid'), 'true');
    assert.ok(input.attrs.has('required'));
  });

  it('disabled fields are neither required nor marked optional', () => {
    const r = resolveRequirement({ disabled: true });
    assert.deepEqual(r, { isRequired: false, showOptional: false, showRequired: false });
    const html = render(<TextInput id="d" name="d" label="Låst" disabled />);
    assert.ok(byId(html, 'd').attrs.has('disabled'));
    assert.deepEqual(classes(one(html, 'label')), ['form-label', 'disabled']);
  });
});
