/** Request bodies shared by the e2e tests of the arrival slice. */

/** Preliminary information for a road consignment to Dushanbe arriving 3 March 2026 (all five data groups). */
export const piBody = (over: Record<string, unknown> = {}) => ({
  transportMode: 'road',
  arrivalOfficeCode: 'DUSHANBE',
  expectedArrivalAt: '2026-03-03T10:00:00+05:00',
  carrier: { name: 'ТОО «Пример-Транс»', country: 'KZ', code: 'KZ-990140000123' },
  vehicles: [
    { kind: 'truck', registrationNumber: '777ABC02', country: 'KZ' },
    { kind: 'semi_trailer', registrationNumber: 'AB1234', country: 'KZ' },
  ],
  goods: [
    {
      commodityCode: '1101000000',
      description: 'Wheat flour',
      quantity: '20000',
      unit: 'kg',
      grossMassKg: '20400.5',
      valueDirams: '9500000',
      originCountry: 'KZ',
    },
    { commodityCode: '8517130000', description: 'Smartphones', quantity: '100', unit: 'pcs', grossMassKg: '40', valueDirams: '120000000', originCountry: 'CN' },
  ],
  passengers: [{ fullName: 'Karimov Aziz', documentNumber: 'N1234567', nationality: 'KZ' }],
  ...over,
});
