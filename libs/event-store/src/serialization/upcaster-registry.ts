/** A stored event as the serializer sees it before and after upcasting. */
export interface TypedData {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export type Upcaster<From, To> = (data: From) => To;

type StoredUpcaster = Upcaster<Readonly<Record<string, unknown>>, unknown>;

/**
 * Upcasters turn an old stored shape into the next one on read (`CaseReported.v1` →
 * `CaseReported.v2`), so stored events are never rewritten. Each type has at most one way
 * forward; `upcast` follows the chain until no upcaster applies, which is the newest type.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, { readonly toType: string; readonly fn: StoredUpcaster }>();

  register<From, To>(fromType: string, toType: string, fn: Upcaster<From, To>): this {
    if (fromType === toType) throw new Error(`An upcaster cannot turn ${fromType} into itself`);
    if (this.steps.has(fromType)) throw new Error(`An upcaster from ${fromType} is already registered`);
    // The stored data is trusted to have the shape `fromType` names: that is what the type string is for.
    this.steps.set(fromType, { toType, fn: fn as unknown as StoredUpcaster });
    for (let type: string | undefined = toType, hops = 0; type; type = this.steps.get(type)?.toType, hops += 1) {
      if (type === fromType || hops > this.steps.size) {
        this.steps.delete(fromType);
        throw new Error(`Upcasting ${fromType} → ${toType} would loop`);
      }
    }
    return this;
  }

  upcast(event: TypedData): TypedData {
    let current = event;
    for (let step = this.steps.get(current.type); step; step = this.steps.get(current.type)) {
      current = { type: step.toType, data: step.fn(current.data) as Record<string, unknown> };
    }
    return current;
  }
}
