import { describe, expect, it } from 'vitest';
import { columnsFor, computeWindow, moveIndex, scrollToReveal } from '../../../renderer/ui/virtual-window.ts';

const base = { columns: 4, rowHeight: 100, viewportHeight: 450, overscanRows: 2 };

describe('computeWindow', () => {
  it('renders the visible rows of 500 accounts plus the overscan, not all of them', () => {
    const range = computeWindow({ ...base, itemCount: 500, scrollTop: 0 });
    expect(range).toEqual({
      rowCount: 125,
      firstRow: 0,
      endRow: 7, // rows 0–4 are (partly) visible, plus 2 below
      firstIndex: 0,
      endIndex: 28,
      offsetTop: 0,
      totalHeight: 12_500,
    });
  });

  it('follows the scroll position, with overscan above and below', () => {
    const range = computeWindow({ ...base, itemCount: 500, scrollTop: 5_050 });
    // Rows 50 (half hidden) to 54 are visible.
    expect(range.firstRow).toBe(48);
    expect(range.endRow).toBe(57);
    expect(range.firstIndex).toBe(192);
    expect(range.endIndex).toBe(228);
    expect(range.offsetTop).toBe(4_800);
  });

  it('stops at the end of the list, with a short last row', () => {
    const range = computeWindow({ ...base, itemCount: 498, scrollTop: 99_999 });
    expect(range.rowCount).toBe(125);
    expect(range.endRow).toBe(125);
    expect(range.endIndex).toBe(498);
    // Scrolled past the end counts as scrolled to the end.
    expect(range.firstRow).toBe(125 - 5 - 2);
  });

  it('handles an empty list, one column and a negative scroll', () => {
    expect(computeWindow({ ...base, itemCount: 0, scrollTop: 0 })).toMatchObject({
      rowCount: 0,
      firstIndex: 0,
      endIndex: 0,
      totalHeight: 0,
    });
    const single = computeWindow({ ...base, columns: 0, itemCount: 3, scrollTop: -40 });
    expect(single).toMatchObject({ rowCount: 3, firstIndex: 0, endIndex: 3, offsetTop: 0, totalHeight: 300 });
  });

  it('always renders at least one row, even before the viewport is measured', () => {
    const range = computeWindow({ ...base, viewportHeight: 0, overscanRows: 0, itemCount: 10, scrollTop: 0 });
    expect(range.endRow - range.firstRow).toBe(1);
  });
});

describe('columnsFor', () => {
  it('fits as many tiles of the minimum width as the gaps allow', () => {
    expect(columnsFor(1000, 224, 12)).toBe(4); // 4 × 224 + 3 × 12 = 932
    expect(columnsFor(932, 224, 12)).toBe(4);
    expect(columnsFor(931, 224, 12)).toBe(3);
    expect(columnsFor(100, 224, 12)).toBe(1);
    expect(columnsFor(0, 224, 12)).toBe(1);
  });
});

describe('scrollToReveal', () => {
  it('keeps the position when the tile is visible, else scrolls the least', () => {
    expect(scrollToReveal(9, 4, 100, 0, 450)).toBe(0); // row 2, visible
    expect(scrollToReveal(17, 4, 100, 0, 450)).toBe(50); // row 4 ends at 500
    expect(scrollToReveal(2, 4, 100, 300, 450)).toBe(0); // row 0, above
  });
});

describe('moveIndex', () => {
  // 10 tiles in rows of 4: 0 1 2 3 / 4 5 6 7 / 8 9
  const move = (index: number, key: Parameters<typeof moveIndex>[1], pageRows = 2) =>
    moveIndex(index, key, 4, 10, pageRows);

  it('moves by one tile left and right, clamped at the ends', () => {
    expect(move(5, 'ArrowRight')).toBe(6);
    expect(move(5, 'ArrowLeft')).toBe(4);
    expect(move(0, 'ArrowLeft')).toBe(0);
    expect(move(9, 'ArrowRight')).toBe(9);
  });

  it('moves by a row up and down, staying put where there is no tile', () => {
    expect(move(5, 'ArrowDown')).toBe(9);
    expect(move(6, 'ArrowDown')).toBe(6); // the last row has only 8 and 9
    expect(move(5, 'ArrowUp')).toBe(1);
    expect(move(1, 'ArrowUp')).toBe(1);
  });

  it('pages by rows and jumps to the ends', () => {
    expect(move(1, 'PageDown')).toBe(9);
    expect(move(2, 'PageDown')).toBe(9); // column 2 of the short last row does not exist
    expect(move(9, 'PageUp')).toBe(1);
    expect(move(5, 'PageUp')).toBe(1);
    expect(move(5, 'Home')).toBe(0);
    expect(move(5, 'End')).toBe(9);
    expect(moveIndex(0, 'End', 4, 0, 1)).toBe(0);
  });
});
