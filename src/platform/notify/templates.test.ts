import { test } from 'node:test';
import assert from 'node:assert/strict';
import { languages } from '../i18n/index.ts';
import { templates } from './schema.ts';
import { renderEmail, renderSms } from './templates.ts';

const values = { municipality: 'Albertslund Kommune', loginUrl: 'https://selvbetjening.albertslund.dk/' };
// GSM 03.38 basic characters: an SMS in them fits 160 characters (æøå and ÆØÅ are among them).
const GSM7 = /^[A-Za-z0-9 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/;

for (const template of templates) {
  for (const lang of languages) {
    test(`${template} (${lang}): the e-mail says there is news and where to log in — nothing more`, () => {
      const email = renderEmail(template, lang, values);
      assert.ok(email.subject.length > 0 && email.subject.length <= 78);
      assert.ok(email.text.includes(values.loginUrl));
      assert.ok(email.text.includes(values.municipality));
      // Only fixed text and the two configured values: no digits that could be a CPR, a case number or a date.
      assert.doesNotMatch(email.text.replace(values.loginUrl, ''), /\d/);
    });

    test(`${template} (${lang}): the SMS fits one message`, () => {
      const sms = renderSms(template, lang, values);
      assert.ok(sms.length <= 160, `${sms.length} characters`);
      assert.match(sms, GSM7);
      assert.ok(sms.endsWith(values.loginUrl));
    });
  }
}

test('Danish and English texts differ (a missing translation would show)', () => {
  for (const template of templates) assert.notEqual(renderEmail(template, 'da', values).subject, renderEmail(template, 'en', values).subject);
});
