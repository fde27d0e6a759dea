import type { ReactNode } from "react";

/**
 * A success notice, read out politely (role="status"). design-react-kit's
 * Alert always renders role="alert", which interrupts: not for good news.
 */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}
