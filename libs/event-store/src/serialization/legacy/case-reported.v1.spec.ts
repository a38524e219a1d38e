import { caseEventSerializer } from '../case-event-serializer.js';
import { caseReportedData } from '../testing/case-event-samples.js';
import { recorded } from '../testing/recorded.js';
import { CASE_REPORTED_V1, type CaseReportedV1Data } from './case-reported.v1.js';

/** A `CaseReported.v1` as it was stored before personal data moved into its own block. */
const storedV1: CaseReportedV1Data = {
  ...caseReportedData,
  customer: { id: 'cust-42', name: '张伟', phone: '+86 138 0000 0000', address: '上海市浦东新区 1 号', region: 'suburban' },
};

describe('a CaseReported stored as v1', () => {
  it('is read as the current CaseReported, personal fields gathered under customer.personal', () => {
    const event = caseEventSerializer.deserialize(recorded(CASE_REPORTED_V1, JSON.parse(JSON.stringify(storedV1))));
    expect(event).toEqual({ type: 'CaseReported', occurredAt: '2026-03-02T09:30:00.000Z', data: caseReportedData });
  });

  it('keeps no personal field outside the personal block', () => {
    const event = caseEventSerializer.deserialize(recorded(CASE_REPORTED_V1, { ...storedV1 }));
    expect(Object.keys((event.data as { customer: object }).customer).sort()).toEqual(['id', 'personal', 'region']);
  });
});
