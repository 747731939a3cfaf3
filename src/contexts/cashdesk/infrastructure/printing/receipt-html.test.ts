import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES } from '../../../../platform/i18n.ts';
import { missingP9Fields } from './receipt-fields.ts';
import { escapeHtml, qrSvg, receiptHtml } from './receipt-html.ts';
import { sampleRefund, sampleSale } from './sample-receipts.ts';

/** The page's visible text: tags dropped, entities decoded. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

test('FIS-RCT-10: the electronic receipt shows every p.9 field in Tajik, Russian and English', () => {
  for (const language of LANGUAGES) {
    for (const r of [sampleSale, sampleRefund]) {
      assert.deepEqual(
        missingP9Fields(visibleText(receiptHtml(r, { language })), r, { language, qrAsImage: true }).map((f) => f.id),
        [],
        language,
      );
    }
  }
});

test('FIS-RCT-09: the page is Tajik first, with links to the Russian and English versions', () => {
  const html = receiptHtml(sampleSale);
  assert.match(html, /<html lang="tg">/);
  assert.ok(html.includes('РАСИДИ ҲАЗИНАВӢ'));
  assert.ok(html.includes('<a href="?lang=ru" hreflang="ru" lang="ru">Русский</a>'));
  assert.ok(html.includes('<a href="?lang=en" hreflang="en" lang="en">English</a>'));
  const ru = receiptHtml(sampleSale, { language: 'ru', hrefFor: (l) => `/r/42/${l}` });
  assert.match(ru, /<html lang="ru">/);
  assert.ok(ru.includes('КАССОВЫЙ ЧЕК') && ru.includes('href="/r/42/tg"'));
});

test('FIS-RCT-27: the QR code is inline SVG of the exact content; the page loads nothing from outside', () => {
  const html = receiptHtml(sampleSale);
  assert.ok(html.includes(qrSvg(sampleSale.qrContent)));
  assert.ok(!/<script|<link|<img|src=|url\(/i.test(html));
  assert.match(html, /@media print\{[^}]*\}main\{max-width:58mm;padding:0\}figure svg\{width:32mm;height:32mm\}/);
});

test('a refund shows the original sale and the offline mark (p.36)', () => {
  const text = visibleText(receiptHtml(sampleRefund));
  assert.ok(text.includes('Баргардонидан аз расиди'));
  assert.ok(text.includes(sampleRefund.refundOf!.fiscalSign));
  assert.ok(text.includes('РЕҶАИ ОФЛАЙН'));
  assert.ok(!visibleText(receiptHtml(sampleSale)).includes('РЕҶАИ ОФЛАЙН'));
});

test('data are escaped: a business name cannot inject markup', () => {
  const html = receiptHtml({ ...sampleSale, business: { ...sampleSale.business, name: '<script>alert(1)</script> & "Ко"' } });
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ко&quot;'));
  assert.equal(escapeHtml(`'`), '&#39;');
});
