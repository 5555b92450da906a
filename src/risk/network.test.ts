import { describe, expect, it } from 'vitest';
import { servicePopulation } from './network.js';

describe('service population downstream', () => {
  // S ─a─ 1 ─b─ 2 ─c─ 3 ─d─ 1   (a loop 1-2-3) and 3 ─e─ 4 ─f─ 5 (a branch off the loop)
  const links = [
    { id: 'a', from: 'S', to: '1' }, { id: 'b', from: '1', to: '2' }, { id: 'c', from: '2', to: '3' }, { id: 'd', from: '3', to: '1' },
    { id: 'e', from: '3', to: '4' }, { id: 'f', from: '4', to: '5' },
  ];
  const population = new Map([['1', 100], ['2', 200], ['3', 300], ['4', 400], ['5', 500]]);
  const r = servicePopulation({ links, sources: new Set(['S']), population });

  it('a bridge cuts off everyone beyond it from the source', () => {
    expect(r.bridges).toEqual(new Set(['a', 'e', 'f']));
    expect(r.link.get('a')).toBe(1500);
    expect(r.link.get('e')).toBe(900);
    expect(r.link.get('f')).toBe(500);
  });

  it('a pipe in a loop is backed up: only the customers at its ends count', () => {
    expect(r.link.get('b')).toBe(150);
    expect(r.link.get('d')).toBe(200);
  });

  it('a source serves its whole network', () => {
    expect(r.node.get('S')).toBe(1500);
    expect(r.node.get('4')).toBe(400);
  });
});
