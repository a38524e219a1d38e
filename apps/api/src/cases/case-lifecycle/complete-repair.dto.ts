import { COMPLEXITIES, COVERAGES, EXCLUSIONS, REPAIR_MODES, type CompleteRepair, type Money } from '#casetrail/domain';
import { CommandBodyDto } from '../shared/command-body.dto.js';
import { EnumField, IntField, NestedArrayField, NestedField, PatternField, TextField } from '../shared/dto-fields.js';

export class PartDto {
  @TextField(64, { example: 'CMP-35-01' }) partNumber!: string;
  @IntField(1, 1000) quantity!: number;
}

export class MoneyDto {
  @PatternField(/^\d{1,10}(\.\d{1,2})?$/, 'must be a decimal amount as a string, e.g. "120.00"', { example: '120.00' })
  amount!: string;
  @PatternField(/^[A-Z]{3}$/, 'must be an ISO-4217 currency code, e.g. CNY', { example: 'CNY' }) currency!: string;
}

export class ChargesDto {
  @NestedField(() => MoneyDto) parts!: MoneyDto;
  @NestedField(() => MoneyDto) labor!: MoneyDto;
  @NestedField(() => MoneyDto) travel!: MoneyDto;
}

const money = ({ amount, currency }: MoneyDto): Money => ({ amount, currency });

export class CompleteRepairDto extends CommandBodyDto {
  @EnumField(REPAIR_MODES, { description: '`remote` repairs straight from contacted or dispatched, without a visit.' })
  mode!: CompleteRepair['data']['mode'];
  @TextField(2000) diagnosis!: string;
  @TextField(2000) actions!: string;
  @EnumField(COMPLEXITIES, { optional: true }) complexity?: CompleteRepair['data']['complexity'];
  @NestedArrayField(() => PartDto, 50, { optional: true }) parts?: PartDto[] | null;
  @EnumField(COVERAGES) coverage!: CompleteRepair['data']['coverage'];
  @EnumField(EXCLUSIONS, { optional: true, description: 'Why a chargeable repair is not covered; required while in warranty.' })
  exclusion?: CompleteRepair['data']['exclusion'];
  @NestedField(() => ChargesDto, { optional: true, description: 'Required for chargeable repairs; refused for warranty repairs.' })
  charges?: ChargesDto | null;

  toData(): CompleteRepair['data'] {
    const { charges } = this;
    return {
      mode: this.mode,
      diagnosis: this.diagnosis,
      actions: this.actions,
      complexity: this.complexity ?? null,
      parts: (this.parts ?? []).map(({ partNumber, quantity }) => ({ partNumber, quantity })),
      coverage: this.coverage,
      exclusion: this.exclusion ?? null,
      charges: charges ? { parts: money(charges.parts), labor: money(charges.labor), travel: money(charges.travel) } : null,
    };
  }
}
