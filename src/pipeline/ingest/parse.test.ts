import { describe, expect, it } from 'vitest';
import { BodyParseError, parseJsonBody, parseNdjson } from './parse.js';

describe('body parsing', () => {
  it('reads NDJSON, skipping blank lines and marking bad lines by index', () => {
    const r = parseNdjson('{"a":1}\r\n\n{oops\n{"sensor":"S","value":2,"extra":{"x":1}}');
    expect(r.items).toHaveLength(3);
    expect(r.errors.get(1)?.code).toBe('invalid_json');
    expect(r.items[2]).toMatchObject({ sensor: 'S', value: 2 });
  });
  it('parses a well-formed body in one go with the same result', () => {
    const lines = ['{"sensor":"A","ts":1,"value":2}', '{"sensor":"B","value":"3"}', '7'];
    expect(parseNdjson(`${lines.join('\r\n')}\n\n`)).toEqual({ items: lines.map((l) => JSON.parse(l)), errors: new Map() });
  });
  it('never lets two values on one line shift the indexes of the lines after it', () => {
    const r = parseNdjson('{"a":1},{"b":2}\n{"c":3}');
    expect(r.items).toHaveLength(2);
    expect(r.errors.get(0)?.code).toBe('invalid_json');
    expect(r.items[1]).toEqual({ c: 3 });
  });
  it('reads a JSON array or one object, and refuses anything else', () => {
    expect(parseJsonBody('[1,2]').items).toEqual([1, 2]);
    expect(parseJsonBody('{"x":1}').items).toEqual([{ x: 1 }]);
    expect(() => parseJsonBody('{')).toThrow(BodyParseError);
    expect(() => parseJsonBody('42')).toThrow(BodyParseError);
  });
});
