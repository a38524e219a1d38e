import { SATISFACTION_GROUP_BYS, type AnalyticsWindow, type SatisfactionGroupBy } from '#casetrail/read-models';
import { EnumField, InstantField } from '../../cases/shared/dto-fields.js';

/** `GET /v1/satisfaction/summary` parameters. */
export class SatisfactionSummaryQueryDto {
  @EnumField(SATISFACTION_GROUP_BYS, { description: 'What each group is keyed by' }) groupBy!: SatisfactionGroupBy;
  @InstantField({ optional: true, description: 'Inclusive lower bound (ISO-8601 instant)' }) from?: string;
  @InstantField({ optional: true, description: 'Exclusive upper bound (ISO-8601 instant)' }) to?: string;

  /** Instants normalised to UTC ISO text, as the read models store them. */
  get window(): AnalyticsWindow {
    return {
      ...(this.from ? { from: new Date(this.from).toISOString() } : {}),
      ...(this.to ? { to: new Date(this.to).toISOString() } : {}),
    };
  }
}
