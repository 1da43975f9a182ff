import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { columnsFor, computeWindow, isGridKey, moveIndex, scrollToReveal } from './virtual-window.ts';

interface VirtualTileGridProps {
  /** The accessible name of the list. */
  label: string;
  count: number;
  /** A stable key and element id part for the item at an index. */
  itemKey(index: number): string;
  /** Extra class names of the item at an index (its status, for one). */
  itemClassName?(index: number): string;
  /** The inside of the item at an index; the grid draws the focusable box around it. */
  renderItem(index: number): ReactNode;
  /** The item whose detail is open, marked aria-selected. */
  selectedIndex: number | null;
  /** Click, Enter or Space on an item. */
  onActivate(index: number): void;
  /** Sizes in rem, so they follow the reader's font size and zoom. */
  minTileWidthRem: number;
  tileHeightRem: number;
  gapRem: number;
}

const OVERSCAN_ROWS = 3;
const FALLBACK_VIEWPORT = 600;

function remInPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

/**
 * A list of tiles in rows that renders only the rows in view (plus a few), so hundreds of
 * accounts scroll smoothly. It is a listbox with one tab stop: the arrow keys, Page Up/Down and
 * Home/End move between tiles, Enter or Space opens one.
 */
export function VirtualTileGrid(props: VirtualTileGridProps) {
  const { count, minTileWidthRem, tileHeightRem, gapRem } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0, rem: 16 });
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () =>
      setSize((old) => {
        const next = { width: element.clientWidth, height: element.clientHeight, rem: remInPx() };
        return old.width === next.width && old.height === next.height && old.rem === next.rem ? old : next;
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const gap = gapRem * size.rem;
  const rowHeight = (tileHeightRem + gapRem) * size.rem;
  const columns = columnsFor(size.width, minTileWidthRem * size.rem, gap);
  const viewportHeight = size.height || FALLBACK_VIEWPORT;
  const range = computeWindow({
    itemCount: count,
    columns,
    rowHeight,
    scrollTop,
    viewportHeight,
    overscanRows: OVERSCAN_ROWS,
  });
  const current = Math.min(active, Math.max(0, count - 1));

  // When the tiles per row change (the detail opened beside the grid, the window was resized),
  // keep the open tile, or else the first visible one, in view rather than jumping elsewhere.
  const layout = useRef({ columns, rowHeight });
  useLayoutEffect(() => {
    const before = layout.current;
    layout.current = { columns, rowHeight };
    const element = viewport.current;
    if (!element || (before.columns === columns && before.rowHeight === rowHeight)) return;
    const firstVisible = Math.floor(element.scrollTop / Math.max(1, before.rowHeight)) * before.columns;
    const anchor = props.selectedIndex ?? firstVisible;
    const top =
      props.selectedIndex === null
        ? Math.floor(anchor / columns) * rowHeight
        : scrollToReveal(anchor, columns, rowHeight, element.scrollTop, element.clientHeight);
    if (top !== element.scrollTop) {
      element.scrollTop = top;
      setScrollTop(element.scrollTop);
    }
  }, [columns, rowHeight, props.selectedIndex]);
  const tabStop = current >= range.firstIndex && current < range.endIndex ? current : range.firstIndex;

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const element = viewport.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (element) {
      focusPending.current = false;
      element.focus({ preventScroll: true });
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      setActive(index);
      focusPending.current = true;
      const element = viewport.current;
      if (!element) return;
      const top = scrollToReveal(index, columns, rowHeight, element.scrollTop, element.clientHeight);
      if (top !== element.scrollTop) {
        element.scrollTop = top;
        setScrollTop(element.scrollTop);
      }
    },
    [columns, rowHeight],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (isGridKey(event.key)) {
      event.preventDefault();
      const pageRows = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
      moveTo(moveIndex(current, event.key, columns, count, pageRows));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onActivate(current);
    }
  };

  const items: ReactNode[] = [];
  for (let index = range.firstIndex; index < range.endIndex; index++) {
    const key = props.itemKey(index);
    items.push(
      <div
        key={key}
        role="option"
        data-index={index}
        aria-selected={props.selectedIndex === index}
        aria-posinset={index + 1}
        aria-setsize={count}
        tabIndex={index === tabStop ? 0 : -1}
        className={`vgrid-item ${props.itemClassName?.(index) ?? ''}`}
        onFocus={() => setActive(index)}
        onClick={() => {
          setActive(index);
          props.onActivate(index);
        }}
      >
        {props.renderItem(index)}
      </div>,
    );
  }

  return (
    <div ref={viewport} className="vgrid-viewport" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div
        role="listbox"
        aria-label={props.label}
        className="vgrid-sizer"
        style={{ height: range.totalHeight }}
        onKeyDown={onKeyDown}
      >
        <div
          className="vgrid-rows"
          style={{
            transform: `translateY(${range.offsetTop}px)`,
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gridAutoRows: `${tileHeightRem}rem`,
            gap: `${gapRem}rem`,
          }}
        >
          {items}
        </div>
      </div>
    </div>
  );
}
