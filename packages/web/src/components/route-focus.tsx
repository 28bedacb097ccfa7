import { createContext, useContext, useRef, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'react-router-dom';

const RouteFocusContext = createContext<RefObject<string | null> | null>(null);

/** Remembers which page last received focus, so that only a real navigation moves it. */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const lastFocused = useRef<string | null>(pathname);
  return <RouteFocusContext.Provider value={lastFocused}>{children}</RouteFocusContext.Provider>;
}

/** The pathname the page heading last took focus for (the first page keeps focus at the top). */
export function useRouteFocusMemory(): RefObject<string | null> {
  const context = useContext(RouteFocusContext);
  if (!context) {
    throw new Error('useRouteFocusMemory needs a RouteFocusProvider');
  }
  return context;
}
