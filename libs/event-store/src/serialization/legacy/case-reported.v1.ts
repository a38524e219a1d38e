import type { CaseReported, RegionClass } from '#casetrail/domain';

export const CASE_REPORTED_V1 = 'CaseReported.v1';

type CaseReportedV2Data = CaseReported['data'];

/**
 * `CaseReported.v1`: the customer's personal fields sat beside the id and region. v2 moved them
 * into `customer.personal` so they can be encrypted and erased as one block; everything else is
 * unchanged.
 */
export interface CaseReportedV1Data extends Omit<CaseReportedV2Data, 'customer'> {
  readonly customer: {
    readonly id: string;
    readonly name: string;
    readonly phone: string;
    readonly address: string;
    readonly region: RegionClass;
  };
}

export function upcastCaseReportedV1(data: CaseReportedV1Data): CaseReportedV2Data {
  const { customer, ...rest } = data;
  const { id, region, name, phone, address } = customer;
  return { ...rest, customer: { id, region, personal: { name, phone, address } } };
}
