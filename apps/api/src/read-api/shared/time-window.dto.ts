import { InstantField } from '../../cases/shared/dto-fields.js';

/** The `from`/`to` window every list and summary takes (what it bounds is said per route). */
export class TimeWindowDto {
  @InstantField({ optional: true, description: 'Inclusive lower bound (ISO-8601 instant)' }) from?: string;
  @InstantField({ optional: true, description: 'Exclusive upper bound (ISO-8601 instant)' }) to?: string;

  /** Instants normalised to UTC ISO text, as the read models store them. */
  get window(): { from?: string; to?: string } {
    return {
      ...(this.from ? { from: new Date(this.from).toISOString() } : {}),
      ...(this.to ? { to: new Date(this.to).toISOString() } : {}),
    };
  }
}
