import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { CitizenLayout, StaffLayout, type Municipality, type PageContext } from './layout.tsx';
import { renderDocument, renderedOnce } from './render.ts';

const albertslund: Municipality = { name: 'Albertslund Kommune', phone: '43 68 68 68', email: 'kommunen@albertslund.dk', address: 'Nordmarks Allé 1, 2620 Albertslund', accessibilityStatementUrl: 'https://www.was.digst.dk/a' };
const ballerup: Municipality = { name: 'Ballerup Kommune', logoUrl: '/b.svg', phone: '44 77 20 00', email: 'post@balk.dk', address: 'Hold-an Vej 7, 2750 Ballerup', accessibilityStatementUrl: 'https://www.was.digst.dk/b' };

const ctx = (municipality: Municipality, lang: 'da' | 'en', path = '/side'): PageContext => ({ lang, path, municipality });

test('the shell parts rendered once belong to their municipality and language, and the rest of the page is fresh', () => {
  const page = (c: PageContext, title: string) => renderDocument(<CitizenLayout ctx={c} title={title}>{title}</CitizenLayout>);
  // Twice each, so the second rendering of each comes from what was rendered once.
  for (let i = 0; i < 2; i++) {
    const a = page(ctx(albertslund, 'da', '/a'), 'Første');
    assert.match(a, /<li>Albertslund Kommune<\/li><li>Nordmarks Allé 1, 2620 Albertslund<\/li>/);
    assert.match(a, /href="tel:43686868"/);
    assert.match(a, /aria-label="Albertslund Kommune – Gå til forsiden"/);
    assert.match(a, /<h2 class="h5">Kontakt<\/h2>/);
    assert.match(a, /<label class="form-label sr-only" for="site-search">Søg på siden<\/label>/);
    assert.match(a, /<title>Første – Albertslund Kommune<\/title>/);
    assert.match(a, /href="\/a\?lang=en"/);
    assert.doesNotMatch(a, /Ballerup/);

    const b = page(ctx(ballerup, 'en', '/b'), 'Second');
    assert.match(b, /<li>Ballerup Kommune<\/li><li>Hold-an Vej 7, 2750 Ballerup<\/li>/);
    assert.match(b, /<img class="kanal-logo" src="\/b.svg" alt\/>/);
    assert.match(b, /aria-label="Ballerup Kommune – Go to the front page"/);
    assert.match(b, /<h2 class="h5">Contact<\/h2>/);
    assert.match(b, /for="site-search">Search the site<\/label>/);
    assert.match(b, /href="\/b\?lang=da"/);
    assert.doesNotMatch(b, /Albertslund/);

    // Staff pages search the knowledge base, citizens the site.
    const staff = renderDocument(<StaffLayout ctx={ctx(albertslund, 'da')} title="Intern" nav={[]}>x</StaffLayout>);
    assert.match(staff, /action="\/medarbejder\/viden"/);
    assert.match(a, /action="\/soeg"/);
  }
});

test('renderedOnce renders once per scope and key, and puts the HTML in as Preact rendered it', () => {
  let renders = 0;
  const scope = {};
  const part = (text: string) => () => {
    renders += 1;
    return <p class="x">{text}</p>;
  };
  assert.equal(renderToString(<div>{renderedOnce(scope, 'k', part('a & b'))}</div>), '<div><p class="x">a &amp; b</p></div>');
  assert.equal(renderToString(<div>{renderedOnce(scope, 'k', part('other'))}</div>), '<div><p class="x">a &amp; b</p></div>');
  assert.equal(renders, 1);
  assert.equal(renderToString(<div>{renderedOnce(scope, 'k2', part('c'))}</div>), '<div><p class="x">c</p></div>');
  assert.equal(renderToString(<div>{renderedOnce({}, 'k', part('d'))}</div>), '<div><p class="x">d</p></div>');
  assert.equal(renders, 3);
});
