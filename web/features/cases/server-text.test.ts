import { describe, expect, it } from 'vitest';
import { ruleIdOf } from './server-text';

describe('the rule behind a case alarm', () => {
  it('comes from the alarm id <sensor>/<rule>/<raisedAt>, sensor ids with slashes included', () => {
    expect(ruleIdOf('D-OF-03-RF/std.rainfall.intensity/1764079569000', 'D-OF-03-RF')).toBe('std.rainfall.intensity');
    expect(ruleIdOf('site/A/G-1/std.methane.threshold/1', 'site/A/G-1')).toBe('std.methane.threshold');
  });
  it('is unknown when the id has another shape', () => {
    expect(ruleIdOf('a1', 'D-OF-03-RF')).toBeUndefined();
    expect(ruleIdOf(undefined, 'D-OF-03-RF')).toBeUndefined();
  });
});
