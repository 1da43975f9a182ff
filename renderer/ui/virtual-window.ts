// The arithmetic of a virtualised tile grid: which rows of tiles are on screen (plus a few
// either side), how tall the whole list is, where to scroll to show a tile, and where the
// arrow keys go. Pure numbers, so it is tested without a browser.

export interface WindowInput {
  itemCount: number;
  /** Tiles per row, at least 1. */
  columns: number;
  /** Height of one row including the gap below it, in px. */
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no blanks. */
  overscanRows: number;
}

export interface WindowRange {
  rowCount: number;
  /** First rendered row and the row after the last one. */
  firstRow: number;
  endRow: number;
  /** First rendered item and the item after the last one. */
  firstIndex: number;
  endIndex: number;
  /** Where the first rendered row sits, from the top of the list, in px. */
  offsetTop: number;
  /** Height of the whole list, in px. */
  totalHeight: number;
}

/** The rows and items to render for a scroll position. */
export function computeWindow(input: WindowInput): WindowRange {
  const columns = Math.max(1, Math.floor(input.columns));
  const rowHeight = Math.max(1, input.rowHeight);
  const itemCount = Math.max(0, Math.floor(input.itemCount));
  const rowCount = Math.ceil(itemCount / columns);
  const totalHeight = rowCount * rowHeight;
  if (rowCount === 0) {
    return { rowCount, firstRow: 0, endRow: 0, firstIndex: 0, endIndex: 0, offsetTop: 0, totalHeight };
  }
  const maxScroll = Math.max(0, totalHeight - input.viewportHeight);
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScroll);
  const overscan = Math.max(0, Math.floor(input.overscanRows));
  const firstVisible = Math.floor(scrollTop / rowHeight);
  const endVisible = Math.ceil((scrollTop + Math.max(0, input.viewportHeight)) / rowHeight);
  const firstRow = Math.max(0, Math.min(rowCount - 1, firstVisible - overscan));
  const endRow = Math.min(rowCount, Math.max(firstRow + 1, endVisible + overscan));
  return {
    rowCount,
    firstRow,
    endRow,
    firstIndex: firstRow * columns,
    endIndex: Math.min(itemCount, endRow * columns),
    offsetTop: firstRow * rowHeight,
    totalHeight,
  };
}

/** How many tiles of at least `minItemWidth` fit in `width`, with `gap` between them. */
export function columnsFor(width: number, minItemWidth: number, gap: number): number {
  if (!(width > 0) || !(minItemWidth > 0)) return 1;
  return Math.max(1, Math.floor((width + gap) / (minItemWidth + gap)));
}

/**
 * The scroll position that shows the tile at `index` with the least movement: unchanged when
 * it is fully visible, else its row at the top (scrolling up) or the bottom (scrolling down).
 */
export function scrollToReveal(
  index: number,
  columns: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const row = Math.floor(index / Math.max(1, columns));
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Keys that move between tiles. */
export type GridKey =
  'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

const GRID_KEYS: readonly string[] = [
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
];

export function isGridKey(key: string): key is GridKey {
  return GRID_KEYS.includes(key);
}

/**
 * Where a key moves focus from `index`: left/right by one tile, up/down by a row (staying in
 * the same column where the last row is short), Page keys by `pageRows` rows, Home/End to the
 * ends. Clamped to the list, so a key at an edge keeps focus where it is.
 */
export function moveIndex(
  index: number,
  key: GridKey,
  columns: number,
  count: number,
  pageRows: number,
): number {
  if (count <= 0) return 0;
  const cols = Math.max(1, columns);
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  const page = Math.max(1, pageRows) * cols;
  switch (key) {
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowUp':
      return index - cols >= 0 ? index - cols : clamp(index);
    case 'ArrowDown':
      return index + cols <= last ? index + cols : clamp(index);
    case 'PageUp':
      return index - page >= 0 ? index - page : index % cols;
    case 'PageDown': {
      if (index + page <= last) return index + page;
      // The same column on the last row, or the last tile when that row is short.
      const lastRowStart = Math.floor(last / cols) * cols;
      return Math.min(last, lastRowStart + (index % cols));
    }
    case 'Home':
      return 0;
    case 'End':
      return last;
  }
}
