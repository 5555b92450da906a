import { describe, expect, it } from 'vitest';
import { BodyParseError, parseJsonBody, parseNdjson } from './parse.js';

describe('body parsing', () => {
  it('reads NDJSON, skipping blank lines and marking bad lines by index', () => {
    const r = parseNdjson('{"a":1}\r\n\n{oops\n{"b":2}');
    expect(r.items).toHaveLength(3);
    expect(r.errors.get(1)?.code).toBe('invalid_json');
    expect(r.items[2]).toEqual({ b: 2 });
  });
  it('reads a JSON array or one object, and refuses anything else', () => {
    expect(parseJsonBody('[1,2]').items).toEqual([1, 2]);
    expect(parseJsonBody('{"x":1}').items).toEqual([{ x: 1 }]);
    expect(() => parseJsonBody('{')).toThrow(BodyParseError);
    expect(() => parseJsonBody('42')).toThrow(BodyParseError);
  });
});
