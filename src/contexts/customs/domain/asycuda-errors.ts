import type { ProblemCatalogue } from '../../../platform/problems.ts';

/** Refusals of the ASYCUDA SAD XML exchange (docs/customs-asycuda.md, docs/errors.md). */
export type AsycudaErrorCode =
  | 'ASYCUDA_XML_TOO_LARGE'
  | 'ASYCUDA_XML_MALFORMED'
  | 'ASYCUDA_XML_DOCTYPE_FORBIDDEN'
  | 'ASYCUDA_XML_INVALID'
  | 'ASYCUDA_DATA_INVALID'
  | 'ASYCUDA_VALUE_INVALID';

export const asycudaProblems = {
  /** The document is larger than an exchange message may be (`details.limitBytes`): split the consignment or check the sender. */
  ASYCUDA_XML_TOO_LARGE: {
    status: 413,
    title: { tg: 'Ҳуҷҷати XML хеле калон аст', ru: 'XML-документ слишком большой', en: 'The XML document is too large' },
  },
  /** Not well-formed XML, or not UTF-8: `details.violations` gives the line, column and libxml2's message. */
  ASYCUDA_XML_MALFORMED: {
    status: 422,
    title: { tg: 'Ҳуҷҷати XML хонда намешавад', ru: 'XML-документ не читается', en: 'The XML document is not well-formed' },
  },
  /**
   * The document has a DOCTYPE or entity declarations. An exchange message never needs them, and
   * they are the way in for external-entity (XXE) and entity-expansion attacks: send it without.
   */
  ASYCUDA_XML_DOCTYPE_FORBIDDEN: {
    status: 422,
    title: {
      tg: 'DOCTYPE ва эълони entity дар XML манъ аст',
      ru: 'DOCTYPE и объявления сущностей в XML запрещены',
      en: 'DOCTYPE and entity declarations are not allowed',
    },
  },
  /** The document does not follow the SAD schema we exchange (asycuda-sad.xsd): `details.violations` lists every violation with its line. */
  ASYCUDA_XML_INVALID: {
    status: 422,
    title: {
      tg: 'XML ба нақшаи SAD-и ASYCUDA мувофиқ нест',
      ru: 'XML не соответствует схеме SAD ASYCUDA',
      en: 'The XML does not follow the ASYCUDA SAD schema',
    },
  },
  /**
   * The document is valid XML but its data are not a declaration we accept: `details.problems`
   * lists each element path with its code (COMMODITY_CODE_INVALID, COUNTRY_CODE_INVALID,
   * CURRENCY_CODE_INVALID, ASYCUDA_VALUE_INVALID).
   */
  ASYCUDA_DATA_INVALID: {
    status: 422,
    title: { tg: 'Маълумоти эъломияи ASYCUDA нодуруст аст', ru: 'Неверные данные декларации ASYCUDA', en: 'The ASYCUDA declaration data are not valid' },
  },
  /**
   * One value (in `details.problems` of ASYCUDA_DATA_INVALID) that has no meaning in our model: an
   * unknown procedure or transport code, a bad date, items that disagree on a declaration-wide value.
   */
  ASYCUDA_VALUE_INVALID: {
    status: 422,
    title: { tg: 'Қимати унсури ASYCUDA нодуруст аст', ru: 'Неверное значение элемента ASYCUDA', en: 'An ASYCUDA element value is not valid' },
  },
} satisfies ProblemCatalogue<AsycudaErrorCode>;
