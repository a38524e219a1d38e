import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const memoised = new WeakSet<Storage>();

/**
 * class-validator works out a DTO's rules on every validation: it filters the class's metadata,
 * walks every registered class for inherited rules and groups the result by property, allocating
 * all of it again for each request (14 % of the API thread's allocations under W3's load, from the
 * sampling heap profiler). The rules only change when a class is decorated, so this keeps each
 * class's rules and their grouping until the storage is given new metadata, on the storage's own
 * public methods. Validation with `groups` is left as it was (casetrail uses none). The server's
 * CPU per command fell ~5 % (bench/PERFORMANCE.md, What issue 6 changed).
 */
export function memoiseValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (memoised.has(storage)) return;
  memoised.add(storage);
  const rulesOf = storage.getTargetValidationMetadatas.bind(storage);
  const groupingOf = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  let rules = new Map<Function, Map<string, Rules>>();
  let groupings = new WeakMap<Rules, Grouped>();

  storage.addValidationMetadata = (metadata) => {
    rules = new Map();
    groupings = new WeakMap();
    addRule(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups !== undefined && groups.length > 0) return rulesOf(target, schema, always, strictGroups, groups);
    const byOptions = rules.get(target) ?? rules.set(target, new Map()).get(target)!;
    const key = `${schema}|${always}|${strictGroups}`;
    let found = byOptions.get(key);
    if (found === undefined) byOptions.set(key, (found = rulesOf(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupings.get(metadata);
    if (grouped === undefined) groupings.set(metadata, (grouped = groupingOf(metadata)));
    return grouped;
  };
}
