import {
  REPORT_CHANNELS,
  FAULT_CATEGORIES,
  PRIORITIES,
  REGION_CLASSES,
  type ReportCase,
} from '#casetrail/domain';
import { CommandBodyDto } from '../shared/command-body.dto.js';
import { CalendarDateField, EnumField, NestedField, PatternField, TextField } from '../shared/dto-fields.js';

export class CustomerDto {
  @TextField(64, { example: 'C-10086' }) id!: string;
  @TextField(200, { example: '王芳' }) name!: string;
  @PatternField(/^\+?[0-9][0-9 ()-]{4,31}$/, 'must be a phone number (digits, spaces, dashes, parentheses, optional leading +)', {
    example: '+86 138 0013 8000',
  })
  phone!: string;
  @TextField(500, { example: '上海市浦东新区世纪大道100号' }) address!: string;
  @EnumField(REGION_CLASSES) region!: ReportCase['data']['customer']['region'];
}

export class ProductDto {
  @TextField(100, { example: 'KFR-35GW' }) model!: string;
  @TextField(100, { example: 'SN2026000123' }) serialNumber!: string;
  @CalendarDateField({ optional: true, description: 'Invoice date: the warranty starts here when given.' }) invoiceDate?: string | null;
  @CalendarDateField({ optional: true }) purchaseDate?: string | null;
  @CalendarDateField({ optional: true, description: 'Used when there is neither invoice nor purchase date.' })
  manufactureDate?: string | null;
}

export class FaultDto {
  @EnumField(FAULT_CATEGORIES) category!: ReportCase['data']['fault']['category'];
  @TextField(2000, { example: 'Does not cool; outdoor unit makes a clicking noise' }) description!: string;
}

export class ReportCaseDto extends CommandBodyDto {
  @NestedField(() => CustomerDto) customer!: CustomerDto;
  @NestedField(() => ProductDto) product!: ProductDto;
  @NestedField(() => FaultDto) fault!: FaultDto;
  @EnumField(REPORT_CHANNELS) channel!: ReportCase['data']['channel'];
  @EnumField(PRIORITIES) priority!: ReportCase['data']['priority'];

  toData(): ReportCase['data'] {
    const { customer, product, fault } = this;
    return {
      customer: { id: customer.id, name: customer.name, phone: customer.phone, address: customer.address, region: customer.region },
      product: {
        model: product.model,
        serialNumber: product.serialNumber,
        invoiceDate: product.invoiceDate ?? null,
        purchaseDate: product.purchaseDate ?? null,
        manufactureDate: product.manufactureDate ?? null,
      },
      fault: { category: fault.category, description: fault.description },
      channel: this.channel,
      priority: this.priority,
    };
  }
}
