import { describe, expect, it } from 'vitest';
import {
  PHASES,
  addDays,
  daysBetween,
  parseIsoDay,
  phaseById,
  phaseStartDay,
} from '../../renderer/features/phases/logic/phase-schedule.ts';

describe('phase schedule', () => {
  it('lists the four phases in the order they are done', () => {
    expect(PHASES.map((p) => p.name)).toEqual(['Prepare', 'Pre-migrate', 'Cutover', 'Post-migrate']);
  });

  it('dates each phase from the cutover day', () => {
    const cutover = '2026-03-02';
    expect(phaseStartDay(phaseById('prepare'), cutover)).toBe('2026-02-09');
    expect(phaseStartDay(phaseById('pre-migrate'), cutover)).toBe('2026-02-23');
    expect(phaseStartDay(phaseById('cutover'), cutover)).toBe('2026-03-02');
    expect(phaseStartDay(phaseById('post-migrate'), cutover)).toBe('2026-03-03');
  });

  it('has no dates without a cutover day, or with one that does not exist', () => {
    expect(phaseStartDay(phaseById('prepare'), null)).toBeNull();
    expect(phaseStartDay(phaseById('prepare'), '2026-02-30')).toBeNull();
    expect(phaseStartDay(phaseById('prepare'), 'next tuesday')).toBeNull();
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-10', -21)).toBe('2025-12-20');
    expect(addDays('2024-03-06', -7)).toBe('2024-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('is not shifted by daylight saving time changes', () => {
    // Europe and the US change clocks in March and October/November; days stay whole.
    expect(addDays('2026-03-29', -21)).toBe('2026-03-08');
    expect(addDays('2026-11-08', -7)).toBe('2026-11-01');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('counts days between two days, negative when the day has passed', () => {
    expect(daysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(daysBetween('2026-03-02', '2026-02-09')).toBe(-21);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('reads only calendar days that exist', () => {
    expect(parseIsoDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoDay('2023-02-29')).toBeNull();
    expect(parseIsoDay('2026-3-2')).toBeNull();
    expect(() => addDays('soon', 1)).toThrow(RangeError);
  });
});
