import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import {
  Accordion,
  Alert,
  BackLink,
  Breadcrumbs,
  Button,
  DKFDS_ICON_SPRITE_URL,
  Details,
  EN_TEXTS,
  ErrorSummary,
  PageHeading,
  Pagination,
  SkipLink,
  StepCounter,
  StepIndicator,
  SummaryList,
  Table,
  dateErrorTargetId,
  firstOptionId,
  paginationEntries,
} from './index.ts';
import { attr, byId, classes, describedByIds, innerHtml, one, query, textOf } from './test-utils.ts';

describe('ErrorSummary', () => {
  const errors = [
    { fieldId: 'navn', message: 'Indtast dit fulde navn' },
    { fieldId: firstOptionId('bolig'), message: 'Vælg hvor du bor' },
    { fieldId: dateErrorTargetId('fdato', ['month']), message: 'Måneden skal være mellem 1 og 12' },
  ];

  it('is a focusable alert that dkfds.js picks up', () => {
    const html = render(<ErrorSummary errors={errors} />);
    const box = byId(html, 'error-summary');
    assert.deepEqual(classes(box), ['alert', 'alert-error']);
    assert.equal(attr(box, 'role'), 'alert');
    assert.equal(attr(box, 'tabindex'), '-1');
    assert.equal(attr(box, 'data-module'), 'error-summary');
    assert.ok(box.attrs.has('autofocus'));
    assert.equal(attr(box, 'aria-labelledby'), 'error-summary-title');
    const title = byId(html, 'error-summary-title');
    assert.equal(title.tag, 'h2');
    assert.equal(textOf(html, title), 'Der er problemer');
  });

  it('links every message to its field id', () => {
    const html = render(<ErrorSummary errors={errors} />);
    const links = query(html, 'a');
    assert.deepEqual(
      links.map((a) => attr(a, 'href')),
      ['#navn', '#bolig-option1', '#fdato-month'],
    );
    assert.deepEqual(
      links.map((a) => textOf(html, a)),
      errors.map((e) => e.message),
    );
    assert.ok(one(html, 'ul', { class: 'alert-text nobullet-list' }));
  });

  it('renders nothing without errors', () => {
    assert.equal(render(<ErrorSummary errors={[]} />), '');
  });

  it('takes title, id and language', () => {
    const html = render(<ErrorSummary id="fejl" errors={errors.slice(0, 1)} texts={EN_TEXTS} autofocus={false} />);
    assert.equal(textOf(html, byId(html, 'fejl-title')), 'There is a problem');
    assert.ok(!byId(html, 'fejl').attrs.has('autofocus'));
    const custom = render(<ErrorSummary errors={errors} title="Ret følgende" />);
    assert.equal(textOf(custom, byId(custom, 'error-summary-title')), 'Ret følgende');
  });

  it('escapes messages', () => {
    const html = render(<ErrorSummary errors={[{ fieldId: 'x', message: '<img src=x onerror=alert(1)>' }]} />);
    assert.ok(!html.includes('<img'));
  });
});

describe('Alert', () => {
  it('renders each variant with a named icon', () => {
    const expected = { info: 'Information', success: 'Succes', warning: 'Advarsel', error: 'Fejl' } as const;
    for (const [variant, label] of Object.entries(expected) as [keyof typeof expected, string][]) {
      const html = render(<Alert variant={variant} heading="Overskrift" text="Brødtekst" />);
      assert.deepEqual(classes(one(html, 'div', { class: `alert alert-${variant}` })), ['alert', `alert-${variant}`]);
      const svg = one(html, 'svg');
      assert.equal(attr(svg, 'aria-label'), label);
      assert.equal(attr(one(html, 'use'), 'href'), `${DKFDS_ICON_SPRITE_URL}#${variant}`);
      assert.equal(textOf(html, one(html, 'h3', { class: 'alert-heading' })), 'Overskrift');
      assert.equal(textOf(html, one(html, 'p', { class: 'alert-text' })), 'Brødtekst');
      const role = attr(one(html, 'div', { class: `alert alert-${variant}` }), 'role');
      assert.equal(role, variant === 'warning' || variant === 'error' ? 'alert' : undefined);
    }
  });

  it('takes heading level, free body markup and English icon names', () => {
    const html = render(
      <Alert variant="success" heading="Sendt" headingLevel={2} texts={EN_TEXTS}>
        <ul>
          <li>a</li>
        </ul>
      </Alert>,
    );
    assert.ok(one(html, 'h2', { class: 'alert-heading' }));
    assert.equal(attr(one(html, 'svg'), 'aria-label'), 'Success');
    assert.equal(query(html, 'p').length, 0);
  });
});

describe('StepIndicator', () => {
  it('renders the DKFDS step list with the current step marked', () => {
    const html = render(
      <StepIndicator
        steps={[
          { title: 'Om dig', href: '/trin/1', state: 'success' },
          { title: 'Din bolig', href: '/trin/2', current: true, information: 'Adresse og areal' },
          { title: 'Bilag', href: '/trin/3', state: 'error' },
          { title: 'Send', disabled: true },
        ]}
      />,
    );
    assert.equal(attr(one(html, 'nav'), 'aria-label'), 'Trinindikator');
    assert.ok(one(html, 'ol', { class: 'step-indicator' }));
    const lis = query(html, 'li');
    assert.deepEqual(lis.map((li) => attr(li, 'class')), [undefined, 'current', 'error', 'disabled']);
    const current = one(html, undefined, { 'aria-current': 'step' });
    assert.equal(attr(current, 'href'), '/trin/2');
    assert.equal(query(html, 'a').length, 3);
    assert.equal(query(html, 'div', { class: 'step' }).length, 1);
    assert.deepEqual(
      query(html, 'svg').map((s) => attr(s, 'aria-label')),
      ['Trin 1 gennemført', 'Fejl i trin 3'],
    );
    assert.equal(textOf(html, one(html, 'span', { class: 'step-information' })), 'Adresse og areal');
    assert.deepEqual(
      query(html, 'span', { class: 'step-number' }).map((s) => textOf(html, s)),
      ['2', '4'],
    );
  });

  it('has a simple "Trin X af Y" variant', () => {
    assert.equal(render(<StepCounter current={2} total={5} />), '<p class="step-subheading">Trin 2 af 5</p>');
    assert.equal(render(<StepCounter current={2} total={5} texts={EN_TEXTS} />), '<p class="step-subheading">Step 2 of 5</p>');
  });
});

describe('SummaryList', () => {
  it('renders rows with change links whose accessible name includes the key', () => {
    const html = render(
      <SummaryList
        rows={[
          { key: 'Navn', value: 'Jens Hansen', href: '/ret/navn' },
          { key: 'Adresse', value: 'Vej 1', href: '/ret/adresse', changeLabel: 'din adresse' },
          { key: 'CPR-nummer', value: '010101-1234' },
        ]}
      />,
    );
    assert.ok(one(html, 'table', { class: 'table structured-list' }));
    assert.deepEqual(
      query(html, 'th').map((th) => [attr(th, 'scope'), textOf(html, th)]),
      [
        ['row', 'Navn'],
        ['row', 'Adresse'],
        ['row', 'CPR-nummer'],
      ],
    );
    const links = query(html, 'a');
    assert.deepEqual(links.map((a) => attr(a, 'href')), ['/ret/navn', '/ret/adresse']);
    assert.deepEqual(links.map((a) => textOf(html, a)), ['Redigér navn', 'Redigér din adresse']);
    assert.equal(innerHtml(html, links[0]!), 'Redigér<span class="sr-only"> navn</span>');
    // Rows without a link keep the column (empty cell).
    assert.equal(query(html, 'td', { class: 'd-print-none' }).length, 3);
  });

  it('has no change column when nothing is editable, and translates the link', () => {
    const ro = render(<SummaryList rows={[{ key: 'Navn', value: 'X' }]} />);
    assert.ok(!ro.includes('d-print-none'));
    const en = render(<SummaryList rows={[{ key: 'Name', value: 'X', href: '/n' }]} texts={EN_TEXTS} />);
    assert.equal(textOf(en, one(en, 'a')), 'Change name');
  });

  it('escapes values', () => {
    const html = render(<SummaryList rows={[{ key: '<b>', value: '<script>x</script>', href: '/x' }]} />);
    assert.ok(!html.includes('<script') && !html.includes('<b>'));
  });
});

describe('Table', () => {
  it('renders caption, column headers and right-aligned numeric columns', () => {
    const html = render(
      <Table
        caption="Dine ydelser"
        columns={[{ header: 'Ydelse' }, { header: 'Beløb', numeric: true }, { header: 'Handlinger', srOnlyHeader: true }]}
        rows={[
          ['Boligstøtte', '1.200 kr.', <a href="/x">Se</a>],
          ['Børnecheck', '4.500 kr.', ''],
        ]}
        zebra
        responsiveBreakpoint="md"
      />,
    );
    assert.equal(attr(one(html, 'div'), 'class'), 'table--responsive-scroll');
    assert.deepEqual(classes(one(html, 'table')), ['table', 'table--zebra', 'table-md-responsive-headers']);
    assert.equal(textOf(html, one(html, 'caption')), 'Dine ydelser');
    const ths = query(html, 'th');
    assert.ok(ths.every((th) => attr(th, 'scope') === 'col'));
    assert.equal(attr(ths[1]!, 'class'), 'align-text-right');
    const tds = query(html, 'td');
    assert.deepEqual(tds.map((td) => attr(td, 'class')), [undefined, 'align-text-right', undefined, undefined, 'align-text-right', undefined]);
    assert.deepEqual(tds.slice(0, 3).map((td) => attr(td, 'data-title')), ['Ydelse', 'Beløb', undefined]);
  });

  it('supports row headers', () => {
    const html = render(<Table caption="C" columns={[{ header: 'A' }, { header: 'B' }]} rows={[['x', 'y']]} rowHeaders />);
    assert.equal(attr(query(html, 'th')[2]!, 'scope'), 'row');
  });
});

describe('Pagination', () => {
  const href = (n: number) => `/sager?side=${n}`;

  it('marks the current page and labels the links', () => {
    const html = render(<Pagination currentPage={2} totalPages={4} href={href} />);
    const nav = one(html, 'nav');
    assert.equal(attr(nav, 'aria-label'), 'Paginering');
    const current = one(html, 'a', { 'aria-current': 'page' });
    assert.equal(attr(current, 'href'), '/sager?side=2');
    assert.equal(attr(current, 'aria-label'), 'Side 2');
    assert.deepEqual(classes(current), ['button', 'current-page']);
    assert.equal(attr(one(html, 'a', { 'aria-label': 'Forrige side' }), 'href'), '/sager?side=1');
    assert.equal(attr(one(html, 'a', { 'aria-label': 'Næste side' }), 'href'), '/sager?side=3');
    assert.equal(textOf(html, one(html, 'span', { class: 'pagination-mobile' })), 'Side 2 af 4');
  });

  it('hides previous/first on the first page and next/last on the last', () => {
    const first = render(<Pagination currentPage={1} totalPages={3} href={href} />);
    for (const a of query(first, 'a').filter((el) => classes(el).includes('hidden'))) assert.equal(attr(a, 'href'), undefined);
    assert.equal(query(first, 'a').filter((el) => classes(el).includes('hidden')).length, 2);
    assert.ok(classes(one(first, 'a', { 'aria-label': 'Forrige side' })).includes('hidden'));
    const last = render(<Pagination currentPage={3} totalPages={3} href={href} />);
    assert.ok(classes(one(last, 'a', { 'aria-label': 'Næste side' })).includes('hidden'));
  });

  it('follows the DKFDS overflow rules', () => {
    const pages = (c: number, t: number) => paginationEntries(c, t).map((e) => (e.kind === 'dots' ? '…' : e.page));
    assert.deepEqual(pages(1, 7), [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(pages(3, 12), [1, 2, 3, 4, 5, '…', 12]);
    assert.deepEqual(pages(10, 12), [1, '…', 8, 9, 10, 11, 12]);
    assert.deepEqual(pages(6, 12), [1, '…', 5, 6, 7, '…', 12]);
    const html = render(<Pagination currentPage={6} totalPages={12} href={href} />);
    assert.ok(one(html, 'a', { 'aria-label': 'Sidste side, side 12' }));
  });

  it('translates', () => {
    const html = render(<Pagination currentPage={1} totalPages={2} href={href} texts={EN_TEXTS} />);
    assert.equal(attr(one(html, 'nav'), 'aria-label'), 'Pagination');
    assert.equal(textOf(html, one(html, 'span', { class: 'pagination-mobile' })), 'Page 1 of 2');
  });
});

describe('Button', () => {
  it('renders primary/secondary/tertiary as <button> or <a>', () => {
    assert.equal(render(<Button variant="primary">Fortsæt</Button>), '<button class="button button-primary" type="submit">Fortsæt</button>');
    assert.equal(
      render(
        <Button variant="secondary" type="submit" name="handling" value="gem">
          Gem
        </Button>,
      ),
      '<button class="button button-secondary" type="submit" name="handling" value="gem">Gem</button>',
    );
    assert.equal(render(<Button variant="tertiary" href="/annuller">Annullér</Button>), '<a class="button button-tertiary" href="/annuller">Annullér</a>');
  });
});

describe('Breadcrumbs, back link, skip link', () => {
  it('breadcrumbs mark the current page', () => {
    const html = render(<Breadcrumbs items={[{ text: 'Forside', href: '/' }, { text: 'Ansøgninger', href: '/a' }, { text: 'Ny ansøgning' }]} />);
    assert.equal(attr(one(html, 'nav'), 'aria-label'), 'Brødkrumme');
    assert.equal(query(html, 'a', { class: 'breadcrumbs__link' }).length, 2);
    const current = one(html, 'li', { 'aria-current': 'page' });
    assert.equal(textOf(html, current), 'Ny ansøgning');
    assert.ok(query(html, 'svg').every((s) => attr(s, 'aria-hidden') === 'true'));
  });

  it('back link and skip link', () => {
    const back = render(<BackLink href="/trin/1" />);
    assert.equal(attr(one(back, 'a'), 'href'), '/trin/1');
    assert.equal(textOf(back, one(back, 'a')), 'Tilbage');
    const backEn = render(<BackLink href="/" texts={EN_TEXTS} />);
    assert.equal(textOf(backEn, one(backEn, 'a')), 'Back');
    assert.equal(render(<SkipLink />), '<a class="skipnav" href="#main-content">Gå til sidens indhold</a>');
  });
});

describe('Details and Accordion', () => {
  it('details is native and works without JavaScript', () => {
    const html = render(<Details summary="Hjælp til at finde dit matrikelnummer">Se din tingbogsattest.</Details>);
    assert.equal(
      html,
      '<details class="details"><summary class="details-summary">Hjælp til at finde dit matrikelnummer</summary><div class="details-text">Se din tingbogsattest.</div></details>',
    );
  });

  it('accordion buttons control their panels', () => {
    const html = render(
      <Accordion
        id="hjaelp"
        items={[
          { title: 'Hjælp til ansøgning', content: <p>Tekst</p> },
          { title: 'Åben', content: 'x', expanded: true, errorMessage: 'Mangler' },
        ]}
      />,
    );
    const buttons = query(html, 'button');
    assert.deepEqual(buttons.map((b) => attr(b, 'aria-controls')), ['hjaelp-1', 'hjaelp-2']);
    assert.deepEqual(buttons.map((b) => attr(b, 'aria-expanded')), ['false', 'true']);
    assert.ok(buttons.every((b) => attr(b, 'type') === 'button'));
    assert.equal(attr(byId(html, 'hjaelp-1'), 'aria-hidden'), 'true');
    assert.equal(attr(byId(html, 'hjaelp-2'), 'aria-hidden'), 'false');
    assert.deepEqual(describedByIds(buttons[1]!), ['hjaelp-2-error']);
    assert.ok(byId(html, 'hjaelp-2-error'));
    assert.equal(query(html, 'h3').length, 2);
  });
});

describe('PageHeading', () => {
  it('renders one h1 with an optional caption', () => {
    assert.equal(render(<PageHeading>Hvor bor du?</PageHeading>), '<h1>Hvor bor du?</h1>');
    const html = render(<PageHeading caption="Ansøg om boligstøtte">Hvor bor du?</PageHeading>);
    assert.equal(textOf(html, one(html, 'h1')), 'Ansøg om boligstøtte Hvor bor du?');
    assert.ok(one(html, 'span', { class: 'subheading d-block' }));
  });
});
