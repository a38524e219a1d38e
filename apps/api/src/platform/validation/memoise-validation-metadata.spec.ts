import { getMetadataStorage, IsInt, IsString, Min, registerDecorator, validateSync } from 'class-validator';
import { memoiseValidationMetadata } from './memoise-validation-metadata.js';

class Repair {
  @IsString()
  technicianId!: string;

  @IsInt()
  @Min(1)
  minutes!: number;
}

const repair = (fields: Partial<Repair>): Repair => Object.assign(new Repair(), fields);
const failed = (object: object): string[] => validateSync(object).map((e) => e.property);

describe('memoiseValidationMetadata', () => {
  const storage = getMetadataStorage();
  beforeAll(() => memoiseValidationMetadata(storage));

  it("works out a class's rules once, and validates with them as before", () => {
    const rules = storage.getTargetValidationMetadatas(Repair, '', false, false);
    expect(storage.getTargetValidationMetadatas(Repair, '', false, false)).toBe(rules);
    expect(storage.groupByPropertyName(rules)).toBe(storage.groupByPropertyName(rules));
    expect(failed(repair({ technicianId: 'tech-1', minutes: 30 }))).toEqual([]);
    expect(failed(repair({ technicianId: 7 as unknown as string, minutes: 0 }))).toEqual(['technicianId', 'minutes']);
  });

  it('forgets the rules it kept when a rule is added, so a class decorated later is validated by all of its rules', () => {
    expect(failed(repair({ technicianId: 'tech-1', minutes: 30 }))).toEqual([]);
    registerDecorator({
      name: 'isTechnicianId',
      target: Repair,
      propertyName: 'technicianId',
      validator: { validate: (value: unknown) => typeof value === 'string' && value.startsWith('tech-') },
    });
    expect(failed(repair({ technicianId: 'agent-1', minutes: 30 }))).toEqual(['technicianId']);
    expect(failed(repair({ technicianId: 'tech-1', minutes: 30 }))).toEqual([]);
  });
});
