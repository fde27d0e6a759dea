import { useEffect } from "react";

/** Names the page in the browser's title bar and for screen readers. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — WIN`;
  }, [title]);
}
