/**
 * Renders every exported component (with every optional feature switched on)
 * and checks the output against the strict Content-Security-Policy rules:
 * no inline styles, no inline scripts, no event-handler attributes, and user
 * text escaped everywhere.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import * as ui from './index.ts';
import { DKFDS_ICON_SPRITE_URL } from './index.ts';
import { elements, query } from './test-utils.ts';

const X = '<script>alert("x")</script>';

/** One rendering per exported component, fed hostile text wherever text goes. */
const gallery: Record<string, VNode> = {
  Icon: <ui.Icon name="info" label={X} />,
  Heading: <ui.Heading level={2}>{X}</ui.Heading>,
  PageHeading: <ui.PageHeading caption={X}>{X}</ui.PageHeading>,
  RequirementMarker: (
    <ui.RequirementMarker requirement={{ isRequired: false, showOptional: true, showRequired: true }} texts={ui.DA_TEXTS} />
  ),
  Label: (
    <ui.Label for="l" srOnly={X} requirement={ui.resolveRequirement({ required: false })}>
      {X}
    </ui.Label>
  ),
  Hint: <ui.Hint fieldId="h">{X}</ui.Hint>,
  ErrorMessage: <ui.ErrorMessage fieldId="e">{X}</ui.ErrorMessage>,
  CharacterLimit: <ui.CharacterLimit fieldId="c" max={3} value={X} />,
  FormGroup: <ui.FormGroup error>{X}</ui.FormGroup>,
  Field: (
    <ui.Field id="f" label={X} hint={X} error={X}>
      {(control) => <input class="form-input" {...control} value={X} />}
    </ui.Field>
  ),
  FieldsetGroup: (
    <ui.FieldsetGroup id="fs" legend={X} hint={X} error={X} legendHeading={1} legendId="fs-legend">
      {X}
    </ui.FieldsetGroup>
  ),
  TextInput: (
    <ui.TextInput id="ti" name="ti" label={X} hint={X} error={X} value={X} prefix={X} suffix={X} characterLimit={10} />
  ),
  NumberInput: <ui.NumberInput id="ni" name="ni" label={X} hint={X} error={X} value={X} suffix={X} />,
  Textarea: <ui.Textarea id="ta" name="ta" label={X} hint={X} error={X} value={X} characterLimit={5} />,
  Select: (
    <ui.Select id="se" name="se" label={X} hint={X} error={X} value={X} options={[{ value: X, text: X }]} />
  ),
  FileUpload: <ui.FileUpload id="fu" name="fu" label={X} hint={X} error={X} accept={X} />,
  DateInput: (
    <ui.DateInput
      id="di"
      name="di"
      legend={X}
      hint={X}
      error={X}
      errorParts={['month']}
      values={{ day: X, month: X, year: X }}
      labels={{ day: X }}
    />
  ),
  Radios: (
    <ui.Radios
      id="ra"
      name="ra"
      legend={X}
      hint={X}
      error={X}
      value={X}
      items={[
        { value: X, label: X, hint: X, srOnly: X, conditional: X },
        { value: 'b', label: 'B' },
      ]}
    />
  ),
  Checkboxes: (
    <ui.Checkboxes
      id="cb"
      name="cb"
      legend={X}
      hint={X}
      error={X}
      values={[X]}
      items={[{ value: X, label: X, hint: X, conditional: X }]}
    />
  ),
  Alert: (
    <ui.Alert variant="warning" heading={X} text={X}>
      {X}
    </ui.Alert>
  ),
  ErrorSummary: <ui.ErrorSummary errors={[{ fieldId: 'ti', message: X }]} title={X} description={X} />,
  StepIndicator: (
    <ui.StepIndicator
      steps={[
        { title: X, href: '/1', state: 'success', information: X },
        { title: X, href: '/2', current: true, state: 'error' },
        { title: X, disabled: true },
      ]}
    />
  ),
  StepCounter: <ui.StepCounter current={1} total={3} />,
  Table: (
    <ui.Table
      caption={X}
      columns={[{ header: X }, { header: X, numeric: true }, { header: X, srOnlyHeader: true }]}
      rows={[[X, X, X]]}
      rowHeaders
      zebra
      responsiveBreakpoint="sm"
    />
  ),
  SummaryList: <ui.SummaryList rows={[{ key: X, value: X, href: '/x' }]} caption={X} />,
  Pagination: <ui.Pagination currentPage={5} totalPages={20} href={(n) => `/p?side=${n}&q=${encodeURIComponent(X)}`} />,
  Button: <ui.Button variant="primary" icon="check" srOnly={X} value={X}>{X}</ui.Button>,
  ButtonGroup: (
    <ui.ButtonGroup>
      <ui.Button href="/x">{X}</ui.Button>
    </ui.ButtonGroup>
  ),
  Breadcrumbs: <ui.Breadcrumbs items={[{ text: X, href: '/' }, { text: X }]} />,
  BackLink: <ui.BackLink href="/">{X}</ui.BackLink>,
  SkipLink: <ui.SkipLink>{X}</ui.SkipLink>,
  Details: <ui.Details summary={X}>{X}</ui.Details>,
  Accordion: (
    <ui.Accordion id="ac" items={[{ title: X, content: X, variant: 'info', errorMessage: X, expanded: true }]} />
  ),
};

/** Exported names that are components (PascalCase functions). */
const componentNames = Object.entries(ui)
  .filter(([name, value]) => typeof value === 'function' && /^[A-Z]/.test(name))
  .map(([name]) => name)
  .sort();

describe('every component', () => {
  it('is in the gallery', () => {
    assert.deepEqual(Object.keys(gallery).sort(), componentNames);
  });

  for (const [name, vnode] of Object.entries(gallery)) {
    describe(name, () => {
      const html = render(vnode);

      it('renders something', () => {
        assert.ok(html.length > 0);
      });

      it('has no inline style, script or event handler', () => {
        assert.doesNotMatch(html, /\sstyle\s*=/i);
        assert.doesNotMatch(html, /<script/i);
        assert.doesNotMatch(html, /javascript:/i);
        for (const el of elements(html)) {
          for (const attrName of el.attrs.keys()) {
            assert.doesNotMatch(attrName, /^on/i, `<${el.tag} ${attrName}> in ${name}`);
            assert.notEqual(attrName, 'style', `<${el.tag} style> in ${name}`);
          }
        }
      });

      it('escapes user text', () => {
        assert.ok(!html.includes('<script>'), html);
      });

      it('points icons at the sprite', () => {
        for (const use of query(html, 'use')) {
          assert.match(use.attrs.get('href') ?? '', new RegExp(`^${DKFDS_ICON_SPRITE_URL.replace(/[.]/g, '\\.')}#[a-z-]+$`));
        }
      });

      it('references only ids that exist (aria-describedby, aria-labelledby, aria-controls, for)', () => {
        const ids = new Set(elements(html).map((el) => el.attrs.get('id')).filter((x): x is string => !!x));
        for (const el of elements(html)) {
          for (const key of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for']) {
            for (const ref of (el.attrs.get(key) ?? '').split(/\s+/).filter(Boolean)) {
              // Label and Field-less fragments point at controls rendered elsewhere on the page.
              if (name === 'Label' || name === 'ErrorSummary') continue;
              assert.ok(ids.has(ref), `${name}: ${key}="${ref}" has no target`);
            }
          }
        }
      });

      it('has unique ids', () => {
        const ids = elements(html)
          .map((el) => el.attrs.get('id'))
          .filter((x): x is string => !!x);
        assert.equal(new Set(ids).size, ids.length, `${name}: duplicate ids ${ids.join(',')}`);
      });
    });
  }
});
