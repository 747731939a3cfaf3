import type { Dict } from './dict.ts';

/**
 * The officers' powers of customs control (art.399 p.4, CUS-CTL-04; docs/customs-control-powers.md):
 * the head's page that sets them, and the officer's own line on the declaration page.
 */
export const customsPowers = {
  cusPowers: {
    title: ['Ваколатҳои назорати гумрукӣ', 'Полномочия по таможенному контролю', 'Powers of customs control'],
    subtitle: [
      'Назорати гумрукиро шахсони мансабдори гумрук дар доираи ваколатҳояшон анҷом медиҳанд (моддаи 399 қ.4). Шаклҳои назорати ҳар кормандро бо фармон ё дастурамали вазифавӣ муайян кунед.',
      'Таможенный контроль проводят должностные лица таможни в пределах своих полномочий (ст.399 п.4). Задайте формы контроля каждого сотрудника со ссылкой на приказ или должностную инструкцию.',
      'Customs control is carried out by customs officers within their powers (art.399 p.4). Set each officer’s forms of control, citing the order or job description.',
    ],
    required: ['Барои ин амал яке аз ин шаклҳо лозим аст', 'Для этого действия нужна одна из этих форм', 'This act needs one of these forms'],
    form: {
      documentary_check: ['Санҷиши ҳуҷҷатҳо', 'Документальная проверка', 'Documentary check'],
      physical_examination: ['Муоина ва азназаргузаронии гумрукӣ', 'Таможенный осмотр и досмотр', 'Customs examination and inspection'],
      expert_examination: ['Экспертизаи гумрукӣ', 'Таможенная экспертиза', 'Customs expertise'],
      release_suspension: ['Боздоштани барориши мол', 'Приостановление выпуска товаров', 'Suspension of release'],
    },
    acts: {
      documentary_check: [
        'Талаби ҳуҷҷатҳо (моддаи 404) ва натиҷаи назорат',
        'Запрос документов (ст.404) и результат контроля',
        'Request for documents (art.404) and the result of control',
      ],
      physical_examination: [
        'Огоҳӣ ва таъини азназаргузаронӣ, натиҷаи назорат',
        'Уведомление о досмотре, назначение досмотра, результат контроля',
        'Examination notice, inspection, and the result of control',
      ],
      expert_examination: [
        'Таъини экспертиза ва натиҷаи назорат',
        'Назначение экспертизы и результат контроля',
        'Ordering expertise, and the result of control',
      ],
      release_suspension: [
        'Боздоштани барориш ва бекор кардани он (моддаи 441)',
        'Приостановление выпуска и его отмена (ст.441)',
        'Suspending release and cancelling the suspension (art.441)',
      ],
    },
    col: {
      officer: ['Корманди гумрук', 'Должностное лицо таможни', 'Customs officer'],
      forms: ['Шаклҳои назорат', 'Формы контроля', 'Forms of control'],
      basis: ['Асос', 'Основание', 'Basis'],
      set: ['Муқаррар кард', 'Установил', 'Set by'],
    },
    roleDefault: ['Аз рӯи нақш', 'По роли', 'Role default'],
    roleDefaultHint: [
      'Сардор ҳанӯз муқаррар накардааст: ҳамаи шаклҳое, ки нақши корманди гумрук медиҳад',
      'Начальник ещё не задал: все формы, которые даёт роль сотрудника таможни',
      'Not set by the head yet: every form the customs officer’s role gives',
    ],
    none: ['Ягон шакл нест', 'Ни одной формы', 'No form of control'],
    noOfficers: ['Корманди фаъоли гумрук нест', 'Нет действующих сотрудников таможни', 'No active customs officers'],
    edit: ['Тағйир додан', 'Изменить', 'Change'],
    editTitle: ['Ваколатҳои {{name}}', 'Полномочия: {{name}}', 'Powers of {{name}}'],
    formsLabel: [
      'Шаклҳои назорате, ки корманд истифода бурда метавонад',
      'Формы контроля, которые может применять сотрудник',
      'Forms of control the officer may apply',
    ],
    emptyWarning: [
      'Бе ягон шакл корманд ягон амали назорати гумрукиро сабт карда наметавонад.',
      'Без форм контроля сотрудник не сможет записать ни одного действия таможенного контроля.',
      'With no form the officer cannot record any act of customs control.',
    ],
    basis: ['Асос: фармон ё дастурамали вазифавӣ', 'Основание: приказ или должностная инструкция', 'Basis: order or job description'],
    basisHint: ['Масалан: Фармони № 12 аз 01.03.2026', 'Например: Приказ № 12 от 01.03.2026', 'For example: Order No. 12 of 01.03.2026'],
    save: ['Сабт кардан', 'Сохранить', 'Save'],
    saved: ['Ваколатҳои {{name}} сабт шуданд', 'Полномочия сохранены: {{name}}', 'Powers of {{name}} saved'],
    mine: ['Ваколатҳои назорати шумо:', 'Ваши формы контроля:', 'Your forms of control:'],
  },
} satisfies Dict;
