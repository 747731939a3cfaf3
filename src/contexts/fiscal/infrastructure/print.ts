import type { Application } from '../application/application-notices.ts';
import type { RegistrationCard } from '../application/register-queries.ts';

/** Printable forms in the state language (FIS-IMP-23): Annex 1 and 3 applications, Annex 2 card. */
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const page = (title: string, body: string) => `<!doctype html>
<html lang="tg"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; max-width: 180mm; margin: 15mm auto; line-height: 1.5; font-size: 12pt; }
  .annex { text-align: right; font-size: 10pt; } h1 { text-align: center; font-size: 14pt; } .f { border-bottom: 1px solid #000; padding: 0 4px; font-weight: 600; }
  .hint { font-size: 9pt; color: #444; display: block; } table { border-collapse: collapse; width: 100%; font-size: 10pt; } td, th { border: 1px solid #000; padding: 4px; vertical-align: top; }
  @media print { body { margin: 10mm; } }
</style></head><body>${body}</body></html>`;

const ANNEX_HEAD = (n: number) =>
  `<p class="annex">Замимаи ${n}<br>ба Тартиби истифодаи мошинҳои назоратӣ-хазинавии онлайн ва низомоти хазинаҳои шартан (вертуалӣ) ҳангоми анҷоми ҳисоббаробаркуниҳои пулӣ бо аҳолӣ</p>`;

const ATTACHMENT_LABEL: Record<string, string> = {
  place_of_activity_document: 'Нусхаи ҳуҷҷатҳое, ки мавҷудияти маҳалли фаъолиятро тасдиқ мекунад',
  service_contract: 'Нусхаи шартнома бо МХТ оид ба хизматрасонии техникӣ ва таъмир',
  address_and_place_of_activity: 'Суроға ва маҳалли фаъолияти андозсупоранда',
  security_certificate: 'Нусхаи сертификати мутобиқат дар соҳаи амнияти иттилоотӣ',
  new_address_document: 'Ҳуҷҷатҳои тасдиқкунандаи суроғаи нав',
  deregistration_basis: 'Ҳуҷҷате, ки барои аз қайд баровардан асос мебошад',
  additional: 'Илова',
};

/** Annex 1 (registration, re-registration; also used for an address change) or Annex 3 (deregistration), filled. */
export function applicationFormHtml(a: Application, files: readonly { kind: string; fileName: string; sheets: number | null }[]): string {
  const f = a.form;
  const isDereg = a.kind === 'deregistration';
  const title = isDereg
    ? 'дар бораи аз қайд баровардани МНХ-онлайн ё хазинаи шартан (вертуалӣ) дар мақомоти андоз аз рӯи маҳалли ҷойгиршавии фаъолият'
    : `оид ба дар мақомоти андоз аз рӯи маҳалли ҷойгиршавӣ ва фаъолият ${a.kind === 'registration' ? '<u>ба қайд гирифтани</u> / аз нав ба қайд гирифтани' : 'ба қайд гирифтани / <u>аз нав ба қайд гирифтани</u>'} МНХ-онлайн ё хазинаи шартан (вертуалӣ)`;
  const list = files.map((x) => `<li>${esc(ATTACHMENT_LABEL[x.kind] ?? x.kind)}: ${esc(x.fileName)}${x.sheets ? ` — ${x.sheets} ҷарағ` : ''}</li>`).join('');
  const module = isDereg
    ? `<li>Модули фискалӣ: <span class="f">${esc(f.fiscalModuleNumber)}</span> ${f.isFiscalModuleHandedOver ? '(супорида шуд)' : '(супорида нашуд)'}</li>`
    : '';
  const certificate =
    !isDereg && !files.some((x) => x.kind === 'security_certificate') ? `<li>${ATTACHMENT_LABEL.security_certificate} (аз феҳрист, б.21)</li>` : '';
  return page(
    isDereg ? 'Замимаи 3' : 'Замимаи 1',
    `${ANNEX_HEAD(isDereg ? 3 : 1)}
<p>Ба роҳбари МХТ <span class="f">${esc(f.addressee.tscName)}, ${esc(f.addressee.tscHeadName)}</span><span class="hint">(номи МХТ ва насаб, ном ва номи падари роҳбари МХТ)</span></p>
<h1>Ариза<br><small>${title}</small></h1>
<p>Аз Шумо хоҳиш мекунам, ки барои ${isDereg ? 'аз қайд баровардани' : 'бақайдгирӣ ё азнавбақайдгирии'} ${f.registerKind === 'online' ? 'МНХ-онлайн' : 'хазинаи вертуалӣ'}, навъи <span class="f">${esc(f.modelName)}</span>,
рақами истеҳсолкунанда (версия) <span class="f">${esc(f.manufacturerNumber)} (${esc(f.softwareVersion)})</span> ва рақами модули фискалӣ <span class="f">${esc(f.fiscalModuleNumber)}</span>
дар нозироти андоз <span class="f">${esc(f.inspectorateName)}</span>, РМА <span class="f">${esc(f.tin)}</span>, суроға <span class="f">${esc(f.address)}</span>,
<span class="f">${esc(f.businessName)}</span><span class="hint">(номи шахси ҳуқуқӣ ё насаб, ном ва номи падари соҳибкори инфиродӣ)</span>
дар маҳалли фаъолияти <span class="f">${esc(f.placeOfActivity)}</span><span class="hint">(суроғаи маҳалли фаъолият)</span> мусоидат намоед.</p>
${isDereg ? `<p>Сабаби аз қайд баровардани МНХ-онлайн ё хазинаи вертуалӣ бо модули фискалӣ: <span class="f">${esc(f.reason)}</span></p>` : ''}
${f.movedOn ? `<p>Санаи кӯчидан ба суроғаи нав (б.30): <span class="f">${esc(f.movedOn)}</span></p>` : ''}
${f.reRegistrationReason ? `<p>Сабаби азнавбақайдгирӣ (б.30): <span class="f">${esc(f.reRegistrationReason)}${f.reason ? ` — ${esc(f.reason)}` : ''}</span></p>` : ''}
<p>Ҳуҷҷатҳои зерин замима карда мешаванд:</p><ol>${list}${certificate}${module}</ol>
<p><span class="f">${esc(f.signatory)}</span><span class="hint">(номи шахси ҳуқуқӣ ё насаб, ном ва номи падари соҳибкори инфиродӣ)</span></p>
<p>Имзо: <span class="f">${a.signature?.kind === 'electronic' ? `ИЭР тасдиқ шуд (${esc(a.signature.algorithm)}, ${esc(a.signature.keyFingerprint.slice(0, 16))}…)` : 'имзо дар нусхаи коғазӣ'}</span></p>
<p>Сана: <span class="f">${esc(f.signedOn)}</span> &nbsp; Рақами телефон: <span class="f">${esc(f.phone)}</span></p>`,
  );
}

const EVENT_LABEL: Record<string, string> = {
  registered: 'ба қайд гирифта шуд',
  re_registered: 'аз нав ба қайд гирифта шуд',
  address_changed: 'суроғаи маҳалли фаъолият иваз шуд',
  deregistered: 'аз қайд бароварда шуд',
  lost: 'гум шудааст',
  inspected: 'санҷиши ҳарсола',
};

const MONTHS = ['январи', 'феврали', 'марти', 'апрели', 'майи', 'июни', 'июли', 'августи', 'сентябри', 'октябри', 'ноябри', 'декабри'];
const tajikDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `«${d}» ${MONTHS[Number(m) - 1]} соли ${y}`;
};

/** Annex 2: the registration card as issued to the personal cabinet (FIS-AX2-01 to 11). */
export function registrationCardHtml(c: RegistrationCard): string {
  const kind = c.kind === 'online' ? 'МНХ-онлайн' : 'хазинаи шартан (вертуалӣ)';
  const rowsHtml = c.history
    .map(
      (h) =>
        `<tr><td>${esc(c.registryNumber)}</td><td>${esc(c.modelName)} ${esc(c.modelVersion)}</td><td>${esc(c.manufacturerNumber)}</td><td>${esc(h.softwareVersion)}</td><td>${esc(h.placeOfActivity)}</td><td>${esc(EVENT_LABEL[h.kind] ?? h.kind)}, ${esc(h.on)}${h.note ? ` — ${esc(h.note)}` : ''}</td></tr>`,
    )
    .join('');
  return page(
    'Замимаи 2',
    `${ANNEX_HEAD(2)}
<h1>Маълумот<br><small>дар бораи бақайдгирии МНХ-онлайн ё хазинаи шартан (вертуалӣ) дар мақомоти андоз</small></h1>
<p>Корти бақайдгирии мазкур дар он хусус дода шудааст, ки ${kind}, навъи <span class="f">${esc(c.modelName)} ${esc(c.modelVersion)}</span>, рақами истеҳсолкунанда (версия) <span class="f">${esc(c.manufacturerNumber)}</span>
дар нозироти андоз <span class="f">${esc(c.inspectorate.name.tg)}</span> ба қайд гирифта шудааст.</p>
<p>Рақами феҳристӣ <span class="f">${esc(c.registryNumber)}</span> аз ${tajikDate(c.registeredOn)}</p>
<p>Соҳиби МНХ: <span class="f">${esc(c.business.name)}</span>, РМА <span class="f">${esc(c.business.tin)}</span>. Бақайдгирӣ ройгон аст (б.25).</p>
<table><thead><tr><th>Рақами феҳристӣ</th><th>Навъи МНХ-онлайн ё версияи барномаи компютерии хазинаи шартан (вертуалӣ)</th><th>Рақами истеҳсолкунанда</th><th>Рақами версияи барномавӣ</th><th>Маҳалли ҷойгиршавии МНХ-онлайн ё хазинаи шартан (вертуалӣ)</th><th>Маълумот оид ба ба қайд гирифта шудан ё аз қайд баровардани МНХ-онлайн ё хазинаи шартан (вертуалӣ)</th></tr></thead>
<tbody>${rowsHtml}</tbody></table>
<p>Сардори нозироти андоз <span class="f">${esc(c.inspectorate.headName)}</span><span class="hint">(насаб, ном ва номи падар)</span></p>
<p>Нозири масъули бақайдгирии МНХ-онлайн ё хазинаҳои шартан (вертуалӣ) <span class="f">${esc(c.inspectorate.registrationInspectorName)}</span><span class="hint">(насаб, ном ва номи падар)</span></p>`,
  );
}
