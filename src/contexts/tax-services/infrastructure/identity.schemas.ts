/** Request and response schemas of the identity services (TS-19, TS-20, TS-44 … TS-50, 01.01.01, 05.05.06, 12.12.01, 12.12.02). */
import { Type } from 'typebox';
import { InstantInput, IsoDate, Line, LocalisedText, Nullable, Phone, Strict, Tin, Uuid } from '../../../platform/schemas.ts';
import { TAXPAYER_KINDS } from '../domain/identity.ts';
import { literals } from './requests.schemas.ts';

const Email = () => Type.String({ format: 'email', maxLength: 200, description: 'E-mail address' });
const PassportSeries = () => Type.String({ maxLength: 10, description: 'Passport series, letters (Cyrillic look-alikes are read as Latin); may be empty' });
const PassportNumber = () =>
  Type.String({ minLength: 1, maxLength: 20, description: 'Passport number (6 to 10 digits); the series may be typed in front of it' });
const Name = (description: string) => Line(60, description);
export const TaxpayerKindSchema = literals(TAXPAYER_KINDS, 'Kind of taxpayer');

export const ChallengeSchema = Type.Object({
  challenge: Type.String({
    description: 'Signed challenge to solve: find a solution such that SHA-256("<challenge>:<solution>") starts with `difficulty` zero bits',
  }),
  difficulty: Type.Integer({ description: 'Leading zero bits required' }),
  expiresAt: Type.String({ description: 'The challenge is refused after this instant' }),
});

const lookupFields = {
  passportSeries: Type.Optional(PassportSeries()),
  passportNumber: PassportNumber(),
  surname: Name('Surname exactly as in the register (case and spacing do not matter)'),
  birthDate: IsoDate('Date of birth'),
};

export const TinLookupBody = Type.Object(
  {
    ...lookupFields,
    challenge: Type.Optional(Type.String({ maxLength: 400, description: 'The challenge from GET …/tin-lookup/challenge' })),
    solution: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9a-zA-Z]+$', description: 'The solution found for it' })),
  },
  Strict,
);
export const OfficerTinLookupBody = Type.Object(lookupFields, Strict);

export const TinLookupAnswerSchema = Type.Object({
  isFound: Type.Boolean({ description: 'Whether the document, the surname and the birth date all matched one taxpayer' }),
  tin: Nullable(Type.String({ description: 'That taxpayer’s TIN; null on a miss' })),
});

export const TinRegistrationBody = Type.Object(
  {
    surname: Name('Surname'),
    givenName: Name('Given name'),
    patronymic: Type.Optional(Name('Patronymic')),
    birthDate: IsoDate('Date of birth'),
    passportSeries: Type.Optional(PassportSeries()),
    passportNumber: PassportNumber(),
    address: Line(300, 'Address of residence'),
    unitCode: Type.Optional(Line(60, 'Tax body of the place of residence (GET /api/tax-services/units); the Dushanbe department by default')),
    email: Type.Optional(Email()),
    phone: Type.Optional(Phone()),
  },
  Strict,
);

export const TinRegistrationSchema = Type.Object({
  tin: Type.String(),
  registeredAt: Type.String(),
  requestId: Uuid(),
  requestNumber: Type.String(),
  certificateNumber: Type.String(),
  certificateSha256: Type.String(),
  certificatePdfBase64: Type.String({ description: 'The electronic TIN certificate (PDF), base64' }),
  verificationUrl: Type.String(),
});

export const CertificateVerifyQuery = Type.Object(
  {
    number: Type.Optional(Type.String({ maxLength: 40, description: 'Certificate number' })),
    tin: Type.Optional(Tin()),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$', description: 'SHA-256 of the PDF' })),
  },
  Strict,
);
export const CertificateVerdictSchema = Type.Object({
  isGenuine: Type.Boolean(),
  number: Nullable(Type.String()),
  tin: Nullable(Type.String()),
  issuedAt: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
  taxpayerStatus: Nullable(Type.String()),
});

export const CabinetRequestBody = Type.Object(
  {
    tin: Tin(),
    passportSeries: Type.Optional(PassportSeries()),
    passportNumber: Type.Optional(PassportNumber()),
    surname: Type.Optional(Name('Surname (natural persons)')),
    birthDate: Type.Optional(IsoDate('Date of birth (natural persons)')),
    organisationName: Type.Optional(Line(300, 'Name as registered (legal entities, dehkan farms)')),
    representative: Type.Optional(
      Type.Object({ fullName: Line(200, 'Who acts for the organisation'), position: Line(100, 'Their position'), passportNumber: PassportNumber() }, Strict),
    ),
    email: Type.Optional(Email()),
    phone: Type.Optional(Phone()),
  },
  Strict,
);
export const CabinetOutcomeSchema = Type.Object({
  requestId: Uuid(),
  requestNumber: Type.String(),
  status: Type.String({ description: 'completed: the cabinet is open and the credentials are on their way; open: an officer confirms within 1 working day' }),
  dueAt: Nullable(Type.String()),
  sentTo: Type.Object({ channel: Type.String(), address: Type.String({ description: 'Masked' }) }),
});

export const TaxpayerSchema = Type.Object({
  tin: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  surname: Nullable(Type.String()),
  givenName: Nullable(Type.String()),
  patronymic: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  birthDate: Nullable(Type.String()),
  passport: Nullable(Type.Object({ series: Type.String(), number: Type.String() })),
  address: Type.String(),
  unitCode: Type.String(),
  registeredAt: Type.String(),
  status: Type.String(),
  deregisteredAt: Nullable(Type.String()),
  isVatPayer: Type.Boolean(),
});

export const CounterpartySchema = Type.Object({
  tin: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  isVatPayer: Type.Boolean(),
  registeredOn: Type.String(),
  deregisteredOn: Nullable(Type.String()),
  requestNumber: Nullable(Type.String({ description: 'The 05.05.06 request, when asked from the cabinet' })),
});

export const EdsApplicationBody = Type.Object(
  {
    csrPem: Type.Optional(Type.String({ maxLength: 10_000, description: 'PKCS#10 certificate request (PEM) for an ECDSA P-256 key' })),
    publicKeySpki: Type.Optional(Type.String({ maxLength: 4_000, description: 'Or the bare public key: SPKI, PEM or base64 DER' })),
    renewsCertificateId: Type.Optional(Uuid('The certificate this one renews')),
    email: Type.Optional(Email()),
    phone: Type.Optional(Phone()),
  },
  Strict,
);
export const EdsContractBody = Type.Object({ accept: Type.Literal(true, { description: 'The applicant accepts the contract text' }) }, Strict);
export const EdsPaymentBody = Type.Object(
  {
    amountDirams: Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Amount paid, dirams' }),
    reference: Line(100, 'Bank reference of the payment'),
    paidAt: Type.Optional(InstantInput('When the bank took the payment; now by default')),
  },
  Strict,
);
export const RevokeBody = Type.Object({ reason: Line(500, 'Why (key lost, data changed …)') }, Strict);

export const EdsApplicationSchema = Type.Object({
  id: Uuid(),
  tin: Type.String(),
  status: Type.String({ description: 'pending, issued or cancelled' }),
  keySource: Type.String(),
  priceDirams: Type.Integer(),
  isFree: Type.Boolean(),
  contract: LocalisedText,
  appliedAt: Type.String(),
  contractSignedAt: Nullable(Type.String()),
  paidAt: Nullable(Type.String()),
  paymentReference: Nullable(Type.String()),
  renewsCertificateId: Nullable(Type.String()),
  requestId: Nullable(Type.String({ description: 'The 12.12.02 request, once contract and payment are both done' })),
});

export const EdsCertificateSchema = Type.Object({
  id: Uuid(),
  serialNumber: Type.String(),
  tin: Type.String(),
  subject: Type.String(),
  state: Type.String({ description: 'active, expired, revoked' }),
  notBefore: Type.String(),
  notAfter: Type.String(),
  issuedAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  renewedBy: Nullable(Type.String()),
  sha256: Type.String(),
  certificatePem: Type.String(),
});

export const EdsVerifyBody = Type.Object(
  {
    certificatePem: Type.Optional(Type.String({ maxLength: 10_000, description: 'The signer’s certificate (PEM)' })),
    serialNumber: Type.Optional(Type.String({ pattern: '^[0-9A-Fa-f]{2,40}$', description: 'Or the serial number of a certificate the platform issued' })),
    messageBase64: Type.String({ maxLength: 7_100_000, description: 'The signed bytes, base64' }),
    signatureBase64: Type.String({ minLength: 1, maxLength: 200, description: 'ECDSA P-256 / SHA-256 signature, DER or raw r‖s, base64' }),
    signedAt: Type.Optional(InstantInput('When it was signed; now by default')),
  },
  Strict,
);
export const EdsVerdictSchema = Type.Object({
  isValid: Type.Boolean(),
  fault: Nullable(
    Type.String({ description: 'certificate_unreadable, not_issued_by_platform_ca, unknown_certificate, not_yet_valid, expired, revoked, signature_mismatch' }),
  ),
  certificate: Nullable(
    Type.Object({
      serialNumber: Type.String(),
      tin: Type.String(),
      subject: Type.String(),
      notBefore: Type.String(),
      notAfter: Type.String(),
      revokedAt: Nullable(Type.String()),
    }),
  ),
});
