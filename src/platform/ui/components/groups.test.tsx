import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import {
  Checkboxes,
  DATE_PART_ERRORS_CLASS,
  DateInput,
  EN_TEXTS,
  Radios,
  TextInput,
  dateErrorTargetId,
  firstOptionId,
} from './index.ts';
import { attr, byId, classes, describedByIds, innerHtml, one, query, textOf } from './test-utils.ts';

describe('DateInput', () => {
  const base = { id: 'fdato', name: 'foedselsdato', legend: 'Hvad er din fødselsdato?', hint: 'Fx 27 3 2007' };

  it('is one fieldset with legend, hint and three labelled parts', () => {
    const html = render(<DateInput {...base} values={{ day: '5', month: '12', year: '2018' }} />);
    assert.equal(query(html, 'fieldset').length, 1);
    const legend = one(html, 'legend');
    assert.equal(attr(legend, 'class'), 'form-label');
    assert.equal(textOf(html, legend), 'Hvad er din fødselsdato?');
    assert.deepEqual(describedByIds(one(html, 'fieldset')), ['fdato-hint']);
    assert.ok(byId(html, 'fdato-hint'));
    assert.ok(one(html, 'div', { class: 'date-group mt-3' }));
    for (const [part, label, value] of [
      ['day', 'Dag', '5'],
      ['month', 'Måned', '12'],
      ['year', 'År', '2018'],
    ] as const) {
      const input = byId(html, `fdato-${part}`);
      assert.equal(attr(input, 'name'), `foedselsdato-${part}`);
      assert.equal(attr(input, 'type'), 'number');
      assert.equal(attr(input, 'value'), value);
      assert.ok(input.attrs.has('required'));
      assert.equal(attr(input, 'aria-invalid'), undefined);
      const lbl = one(html, 'label', { for: `fdato-${part}` });
      assert.equal(textOf(html, lbl), label);
      assert.ok(query(html, 'div', { class: `form-group form-group-${part}` }).length === 1);
    }
    assert.ok(!html.includes('form-error'));
  });

  it('marks every part invalid when the whole date is wrong', () => {
    const html = render(<DateInput {...base} error="Datoen skal være i fortiden" />);
    assert.deepEqual(classes(one(html, 'div', { class: 'form-group form-error' })), ['form-group', 'form-error']);
    assert.deepEqual(describedByIds(one(html, 'fieldset')), ['fdato-hint', 'fdato-error']);
    for (const part of ['day', 'month', 'year']) assert.equal(attr(byId(html, `fdato-${part}`), 'aria-invalid'), 'true');
    assert.equal(dateErrorTargetId('fdato'), 'fdato-day');
  });

  it('highlights only the parts in error', () => {
    const html = render(<DateInput {...base} error="Måneden skal være mellem 1 og 12" errorParts={['month', 'year']} />);
    const group = query(html, 'div').find((d) => classes(d).includes('form-error'));
    assert.ok(group);
    assert.ok(classes(group).includes(DATE_PART_ERRORS_CLASS));
    assert.equal(attr(byId(html, 'fdato-day'), 'aria-invalid'), undefined);
    assert.equal(attr(byId(html, 'fdato-month'), 'aria-invalid'), 'true');
    assert.equal(attr(byId(html, 'fdato-year'), 'aria-invalid'), 'true');
    // Error summary should link to the first part in error.
    assert.equal(dateErrorTargetId('fdato', ['year', 'month']), 'fdato-month');
  });

  it('ignores errorParts when there is no error', () => {
    const html = render(<DateInput {...base} errorParts={['day']} />);
    assert.ok(!html.includes('aria-invalid'));
    assert.ok(!html.includes(DATE_PART_ERRORS_CLASS));
  });

  it('translates part labels and the optional marker', () => {
    const html = render(<DateInput id="d" name="d" legend="Date of birth" required={false} texts={EN_TEXTS} />);
    assert.equal(textOf(html, one(html, 'legend')), 'Date of birth (optional)');
    assert.deepEqual(
      query(html, 'label').map((l) => textOf(html, l)),
      ['Day', 'Month', 'Year'],
    );
    assert.ok(!byId(html, 'd-day').attrs.has('required'));
  });

  it('can make the legend the page heading', () => {
    const html = render(<DateInput id="d" name="d" legend="Hvornår flyttede du?" legendHeading={1} />);
    assert.equal(innerHtml(html, one(html, 'legend')), '<h1>Hvornår flyttede du?</h1>');
  });
});

describe('Radios', () => {
  const items = [
    { value: 'eje', label: 'Ejerbolig', hint: 'Også andelsbolig' },
    { value: 'leje', label: 'Lejebolig', conditional: <TextInput id="udlejer" name="udlejer" label="Udlejers navn" /> },
    { value: 'andet', label: 'Andet' },
  ];

  it('is a fieldset/legend group with hint and error', () => {
    const html = render(<Radios id="bolig" name="bolig" legend="Hvor bor du?" hint="Vælg én" error="Vælg hvor du bor" items={items} />);
    const fieldset = one(html, 'fieldset');
    assert.deepEqual(describedByIds(fieldset), ['bolig-hint', 'bolig-error']);
    assert.equal(attr(fieldset, 'aria-labelledby'), 'bolig-legend');
    assert.equal(byId(html, 'bolig-legend').tag, 'legend');
    assert.ok(classes(one(html, 'div', { class: 'form-group form-error js-radio-toggle-group' })).includes('form-error'));
    assert.equal(textOf(html, byId(html, 'bolig-error')), 'Fejl: Vælg hvor du bor');
  });

  it('labels every radio and ties option hints to their input', () => {
    const html = render(<Radios id="bolig" name="bolig" legend="Hvor bor du?" items={items} />);
    const radios = query(html, 'input', { type: 'radio' });
    assert.equal(radios.length, 3);
    radios.forEach((radio, i) => {
      const id = `bolig-option${i + 1}`;
      assert.equal(attr(radio, 'id'), id);
      assert.equal(attr(radio, 'name'), 'bolig');
      assert.deepEqual(classes(radio), ['form-radio']);
      assert.equal(query(html, 'label', { for: id }).length, 1);
    });
    assert.deepEqual(describedByIds(byId(html, 'bolig-option1')), ['bolig-option1-hint']);
    assert.equal(textOf(html, byId(html, 'bolig-option1-hint')), 'Også andelsbolig');
    assert.equal(firstOptionId('bolig'), 'bolig-option1');
  });

  it('checks the option matching value', () => {
    const html = render(<Radios id="r" name="r" legend="L" value="leje" items={items} />);
    assert.deepEqual(
      query(html, 'input', { checked: true }).map((el) => attr(el, 'value')),
      ['leje'],
    );
  });

  it('renders DKFDS conditional-reveal markup, visible without JavaScript by default', () => {
    const html = render(<Radios id="r" name="r" legend="L" items={items} />);
    const radio = byId(html, 'r-option2');
    assert.equal(attr(radio, 'data-controls'), '#r-option2-collapse');
    assert.equal(attr(radio, 'data-expanded'), 'false');
    const panel = byId(html, 'r-option2-collapse');
    assert.deepEqual(classes(panel), ['radio-content']);
    assert.equal(attr(panel, 'aria-hidden'), 'false');
    assert.ok(innerHtml(html, panel).includes('id="udlejer"'));
    assert.ok(one(html, 'div', { class: 'hidden-content-wrapper show-content' }));
    assert.ok(html.includes('js-radio-toggle-group'));
  });

  it('can render DKFDS initial state (only the chosen panel shown)', () => {
    const unchecked = render(<Radios id="r" name="r" legend="L" items={items} noJsShowAllConditional={false} />);
    assert.equal(attr(byId(unchecked, 'r-option2-collapse'), 'aria-hidden'), 'true');
    const checked = render(<Radios id="r" name="r" legend="L" items={items} value="leje" noJsShowAllConditional={false} />);
    assert.equal(attr(byId(checked, 'r-option2-collapse'), 'aria-hidden'), 'false');
    assert.equal(attr(byId(checked, 'r-option2'), 'data-expanded'), 'true');
  });

  it('has no toggle-group class without conditional content', () => {
    const html = render(<Radios id="r" name="r" legend="L" items={[{ value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }]} />);
    assert.ok(!html.includes('js-radio-toggle-group'));
    assert.ok(!html.includes('hidden-content-wrapper'));
  });
});

describe('Checkboxes', () => {
  it('is a fieldset group with labelled checkboxes', () => {
    const html = render(
      <Checkboxes
        id="ydelser"
        name="ydelser"
        legend="Hvilke ydelser modtager du?"
        hint="Vælg alle der passer"
        error="Vælg mindst én ydelse"
        values={['pension']}
        items={[
          { value: 'pension', label: 'Folkepension' },
          { value: 'boligstoette', label: 'Boligstøtte', hint: 'Fra Udbetaling Danmark' },
        ]}
      />,
    );
    assert.deepEqual(describedByIds(one(html, 'fieldset')), ['ydelser-hint', 'ydelser-error']);
    assert.equal(textOf(html, one(html, 'legend')), 'Hvilke ydelser modtager du?');
    const boxes = query(html, 'input', { type: 'checkbox' });
    assert.equal(boxes.length, 2);
    assert.deepEqual(boxes.map((b) => attr(b, 'id')), ['ydelser-option1', 'ydelser-option2']);
    for (const b of boxes) {
      assert.deepEqual(classes(b), ['form-checkbox']);
      assert.equal(query(html, 'label', { for: attr(b, 'id')! }).length, 1);
    }
    assert.ok(boxes[0]!.attrs.has('checked'));
    assert.ok(!boxes[1]!.attrs.has('checked'));
    assert.deepEqual(describedByIds(boxes[1]!), ['ydelser-option2-hint']);
  });

  it('renders DKFDS checkbox toggle-content markup', () => {
    const html = render(
      <Checkboxes id="c" name="c" legend="L" items={[{ value: 'x', label: 'X', conditional: <p>Mere</p> }]} noJsShowAllConditional={false} />,
    );
    const box = byId(html, 'c-option1');
    assert.deepEqual(classes(box), ['form-checkbox', 'js-checkbox-toggle-content']);
    assert.equal(attr(box, 'data-aria-controls'), 'c-option1-collapse');
    assert.equal(attr(box, 'data-aria-expanded'), 'false');
    const panel = byId(html, 'c-option1-collapse');
    assert.deepEqual(classes(panel), ['checkbox-content', 'collapsed']);
    assert.equal(attr(panel, 'aria-hidden'), 'true');
  });

  it('marks an optional group in the legend', () => {
    const html = render(<Checkboxes id="c" name="c" legend="Interesser" required={false} items={[{ value: 'a', label: 'A' }]} />);
    assert.equal(textOf(html, one(html, 'legend')), 'Interesser (frivilligt)');
  });
});
