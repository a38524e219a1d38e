import type { CaseReported, RegisterUnit } from '#casetrail/domain';

/** The unit registration a case report asks for: the product as reported, the customer by id only. */
export const registrationFromReport = (reported: CaseReported): RegisterUnit => {
  const { caseId, product, customer } = reported.data;
  return {
    type: 'RegisterUnit',
    serialNumber: product.serialNumber,
    occurredAt: reported.occurredAt,
    data: {
      model: product.model,
      invoiceDate: product.invoiceDate,
      purchaseDate: product.purchaseDate,
      manufactureDate: product.manufactureDate,
      customerId: customer.id,
      source: 'case-report',
      caseId,
    },
  };
};
