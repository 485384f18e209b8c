import { describe, expect, it } from 'vitest';
import { addDays, explorationDue, yearBefore } from './exploration-cadence';

describe('exploration cadence', () => {
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
    expect(addDays('2025-01-10', 365)).toBe('2026-01-10');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('goes back one year, 29 February to 28 February', () => {
    expect(yearBefore('2026-11-24')).toBe('2025-11-24');
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
  });

  it('is due the cadence after the last exploration and overdue the day after', () => {
    expect(explorationDue('2025-01-10', 365, '2026-01-10')).toEqual({
      nextDueOn: '2026-01-10',
      overdue: false,
      daysLeft: 0,
    });
    expect(explorationDue('2025-01-10', 365, '2026-01-11')).toEqual({
      nextDueOn: '2026-01-10',
      overdue: true,
      daysLeft: -1,
    });
    expect(explorationDue('2025-01-10', 180, '2025-03-01').overdue).toBe(false);
  });

  it('counts a district that was never explored as overdue', () => {
    expect(explorationDue(null, 365, '2026-01-10')).toEqual({ nextDueOn: null, overdue: true, daysLeft: null });
  });
});
