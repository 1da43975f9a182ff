// Hands the window's store to components, so tests can render them with a store of their own.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store.ts';

export const StoreContext = createContext<AppStore | null>(null);

/** Reads a slice of the app state; re-renders only when that slice changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppState needs a <StoreContext value={store}> above it.');
  return useStore(store, selector);
}
