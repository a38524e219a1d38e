/** A date `days` before today (UTC), as YYYY-MM-DD: keeps fixtures in warranty whenever the tests run. */
export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Request bodies of a typical case, close to the seed agreements: an air conditioner in Shanghai. */
export const reportBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  customer: { id: 'C-10086', name: '王芳', phone: '+86 138 0013 8000', address: '上海市浦东新区世纪大道100号', region: 'urban' },
  product: { model: 'KFR-35GW', serialNumber: `SN-${Math.random().toString(36).slice(2, 10)}`, invoiceDate: daysAgo(60) },
  fault: { category: 'hardware', description: 'Does not cool; outdoor unit clicks' },
  channel: 'hotline',
  priority: 'general',
  ...overrides,
});

export const repairBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  mode: 'on-site',
  diagnosis: 'Start capacitor failed',
  actions: 'Replaced the start capacitor; tested cooling for 20 minutes',
  parts: [{ partNumber: 'CAP-35UF', quantity: 1 }],
  coverage: 'warranty',
  ...overrides,
});

export const surveyBody = { scores: { attitude: 5, quality: 5, responseSpeed: 4, overall: 5 }, channel: 'phone' };
