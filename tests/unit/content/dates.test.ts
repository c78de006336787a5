import { describe, expect, it } from 'vitest';
import { isRealDate, isRealMonth, datingSortKey } from '../../../src/lib/content/dates.ts';
import { formatDating, formatDatingShort } from '../../../src/lib/view/dates.ts';

describe('isRealDate', () => {
  it('accepts days that exist', () => {
    expect(isRealDate('2025-03-11')).toBe(true);
    expect(isRealDate('2024-02-29')).toBe(true);
  });
  it('rejects days that do not exist and other shapes', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-04-31', '2025-3-11', '2025-03', '11 March 2025', '']) {
      expect(isRealDate(bad), bad).toBe(false);
    }
  });
});

describe('isRealMonth', () => {
  it('accepts YYYY-MM with a real month only', () => {
    expect(isRealMonth('2025-03')).toBe(true);
    expect(isRealMonth('2025-00')).toBe(false);
    expect(isRealMonth('2025-13')).toBe(false);
    expect(isRealMonth('2025-03-11')).toBe(false);
  });
});

describe('formatDating', () => {
  it('writes a day, a month and an approximate day in Japanese', () => {
    expect(formatDating({ date: '2025-03-11', precision: 'day' })).toBe('2025年3月11日');
    expect(formatDating({ date: '2025-03', precision: 'month' })).toBe('2025年3月');
    expect(formatDating({ date: '2025-04-17', precision: 'approximate' })).toBe('2025年4月17日ごろ');
  });
  it('drops from the end of a span what it shares with the start', () => {
    expect(formatDating({ date: '2025-03-23', end: '2025-03-25', precision: 'day' })).toBe('2025年3月23〜25日');
    expect(formatDating({ date: '2025-03-30', end: '2025-04-02', precision: 'day' })).toBe('2025年3月30日〜4月2日');
    expect(formatDating({ date: '2025-12-31', end: '2026-01-01', precision: 'day' })).toBe('2025年12月31日〜2026年1月1日');
    expect(formatDating({ date: '2025-03-12', end: '2025-03-13', precision: 'approximate' })).toBe('2025年3月12〜13日ごろ');
  });
  it('has a short form without the year', () => {
    expect(formatDatingShort({ date: '2025-03-23', end: '2025-03-25', precision: 'day' })).toBe('3月23〜25日');
  });
});

describe('datingSortKey', () => {
  it('puts a month before the days in it', () => {
    const keys = ['2025-03-01', '2025-03', '2025-02-28'].map((date) =>
      datingSortKey({ date, precision: date.length === 7 ? 'month' : 'day' }),
    );
    expect([...keys].sort()).toEqual(['2025-02-28', '2025-03-00', '2025-03-01']);
  });
});
