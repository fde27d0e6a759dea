import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useBlocker, type BlockerFunction } from "react-router";
import { ConfirmDiscard } from "./ConfirmDiscard";

// Input typed into a dialog or a wizard is never thrown away without the
// user's word: closing it (Esc, Cancel), following a link or the browser's
// Back inside the app (react-router's blocker), and reloading or closing
// the tab (beforeunload, where the browser asks with its own words: the
// page may not word that question) all ask first while there are changes.
// Nothing is asked when nothing was changed, nor once the input is saved.

export interface UnsavedChanges {
  /** Runs close now when nothing would be lost; otherwise asks, and runs it if the user confirms. */
  confirmClose: (close: () => void) => void;
  /** The input is saved: from now on closing and leaving do not ask (e.g. the navigation to what was just created). */
  saved: () => void;
  /** The question, to render beside (not inside) the guarded dialog, so that its Esc stays its own. */
  prompt: ReactNode;
}

export function useUnsavedChanges(dirty: boolean): UnsavedChanges {
  // A ref, not state: saved() is followed at once by a close or a
  // navigation, before React renders again.
  const savedRef = useRef(false);
  const [closing, setClosing] = useState<(() => void) | null>(null);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      dirty && !savedRef.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [dirty],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!dirty) {
      return;
    }
    const ask = (e: BeforeUnloadEvent) => {
      if (!savedRef.current) {
        e.preventDefault();
        // Older browsers ask only when returnValue is set.
        e.returnValue = "";
      }
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [dirty]);

  const confirmClose = useCallback(
    (close: () => void) => {
      if (dirty && !savedRef.current) {
        setClosing(() => close);
      } else {
        close();
      }
    },
    [dirty],
  );
  const saved = useCallback(() => {
    savedRef.current = true;
  }, []);

  const leaving = blocker.state === "blocked";
  const prompt = (
    <ConfirmDiscard
      isOpen={leaving || closing !== null}
      kind={leaving ? "leave" : "close"}
      onKeep={() => {
        setClosing(null);
        if (blocker.state === "blocked") {
          blocker.reset();
        }
      }}
      onDiscard={() => {
        const close = closing;
        setClosing(null);
        if (blocker.state === "blocked") {
          blocker.proceed();
        } else {
          close?.();
        }
      }}
    />
  );
  return { confirmClose, saved, prompt };
}
