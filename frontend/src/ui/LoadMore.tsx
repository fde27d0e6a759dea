import { Button } from "design-react-kit";
import { FormattedMessage } from "react-intl";

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * "Show more" for a Relay connection: asks for the page after endCursor;
 * the cache (relayPagination) appends it to the list shown.
 */
export function LoadMore({ pageInfo, fetching, onMore }: { pageInfo: PageInfo | undefined; fetching: boolean; onMore: (after: string) => void }) {
  if (!pageInfo?.hasNextPage || !pageInfo.endCursor) {
    return null;
  }
  const after = pageInfo.endCursor;
  return (
    <Button color="primary" outline disabled={fetching} onClick={() => onMore(after)}>
      <FormattedMessage id="common.loadMore" />
    </Button>
  );
}
