// GraphiQL's starting document. It signs nobody in and holds no secret:
// a document run by accident (Ctrl+Enter on the first operation) must not
// send a password, and anything typed here may be saved in the browser's
// storage by GraphiQL. Queries run as the user signed in to WIN in this
// browser (the session cookie), or with an API token in the Headers tab.

/** The first day of the month of a YYYY-MM-DD day, moved by `months`. */
function monthStart(day: string, months: number): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

/**
 * The document GraphiQL opens with on `today` (YYYY-MM-DD, Italian time):
 * how to be signed in, then example queries for the indicators over the
 * last six whole months — the period the committee and analysts may ask
 * (whole months already over, docs/security-indicators.md).
 */
export function defaultDocument(today: string): string {
  const from = monthStart(today, -6);
  const to = monthStart(today, 0);
  return `# WIN — GraphiQL. Every type and field is described under "Docs".
#
# Queries run as the user signed in to WIN in this browser. Not signed in?
# Sign in at /login in another tab and run the query again, or create an
# API token (WIN, "My account" → API tokens) and put it in the Headers tab
# below as {"Authorization": "Bearer win_…"}. Never write a password here.
#
# Every list needs first or last (at most 100). The committee and analysts
# ask indicators for whole months already over (from and to: the first day
# of a month), at most one value per filter list, and at most two
# dimensions between groupBy and filters; values about fewer than 5
# persons come back suppressed (value null, suppressed true).

# Who am I? Run this first: null means not signed in.
query Me {
  viewer { name roles }
}

# Referrals by month over the last six whole months.
query ReferralsByMonth {
  indicators(filter: {from: "${from}", to: "${to}"}) {
    referrals(groupBy: [MONTH]) {
      definition
      total { value persons suppressed }
      cells { keys { key label } value persons suppressed }
    }
  }
}

# Taking charge by table: how many, and the median and 90th percentile of
# the days from referral.
query TakingChargeByTable {
  indicators(filter: {from: "${from}", to: "${to}"}) {
    takingsInCharge(groupBy: [TABLE]) {
      total { value suppressed }
      cells { keys { key label } value suppressed }
    }
    daysToTakeChargeMedian(groupBy: [TABLE]) {
      cells { keys { label } value suppressed }
    }
    daysToTakeChargeP90(groupBy: [TABLE]) {
      cells { keys { label } value suppressed }
    }
  }
}

# Positive outcomes by need area, for one age band.
query OutcomesByNeedArea {
  indicators(filter: {from: "${from}", to: "${to}", ageBands: [UNDER_25]}) {
    positiveOutcomes(groupBy: [NEED_AREA]) {
      definition
      cells { keys { key label } value persons suppressed }
    }
  }
}
`;
}
