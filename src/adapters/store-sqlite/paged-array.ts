const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/**
 * A number per sensor key, stored in pages of 65,536 so that memory follows the keys in use:
 * store-assigned keys are dense (one or two pages for a city), while a stray huge key costs one
 * page instead of a gigantic array.
 */
export class PagedFloat64Array {
  private readonly pages: (Float64Array | undefined)[] = [];

  constructor(private readonly fill: number) {}

  get(key: number): number {
    const page = this.pages[key >>> PAGE_BITS];
    return page === undefined ? this.fill : page[key & PAGE_MASK]!;
  }

  set(key: number, value: number): void {
    const index = key >>> PAGE_BITS;
    let page = this.pages[index];
    if (page === undefined) {
      page = new Float64Array(PAGE_SIZE);
      if (this.fill !== 0) page.fill(this.fill);
      this.pages[index] = page;
    }
    page[key & PAGE_MASK] = value;
  }

  /** Every entry of the allocated pages (keys never set hold the fill value), in key order. */
  forEach(fn: (key: number, value: number) => void): void {
    this.pages.forEach((page, index) => {
      if (!page) return;
      for (let i = 0; i < PAGE_SIZE; i++) fn(index * PAGE_SIZE + i, page[i]!);
    });
  }
}
