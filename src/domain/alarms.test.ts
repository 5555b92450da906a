import { describe, expect, it } from 'vitest';
import { alarmState, isAlarmActive } from './alarms.js';

describe('alarm state from timestamps', () => {
  const alarm = { raisedAt: 1000, clearedAt: 5000 };
  it('is active from raisedAt until clearedAt, and cleared after', () => {
    expect(alarmState({ raisedAt: 1000 })).toBe('active');
    expect(alarmState(alarm)).toBe('cleared');
    expect(alarmState(alarm, 4999)).toBe('active');
    expect(alarmState(alarm, 5000)).toBe('cleared');
    expect(isAlarmActive(alarm, 500)).toBe(false);
    expect(isAlarmActive(alarm, 3000)).toBe(true);
  });
});
