// Proof of settlement funds for FSW and FST, by date (docs/sources/programs.md §2.3, [S6]).
// The amount is 50% of Statistics Canada's low-income cut-off and changes every year; the 2026 update was
// not found in the stored sources, so from mid-2026 the amount is unknown and the answer says so.

export interface FundsTable {
  /** First day in force; null when the sources do not give it. */
  from: string | null;
  /** Last day in force (inclusive); null while no later table is known. */
  to: string | null;
  /** CAD for 1..7 family members. */
  amounts: readonly [number, number, number, number, number, number, number];
  eachAdditionalMember: number;
  source: string;
}

const s6 =
  "IRCC, Proof of funds (canada.ca …/express-entry/documents/proof-funds.html) as reported by businesstoday.in, nairametrics.com, careerbrick.com (programs.md §2.3 [S6])";

export const fundsTables: readonly FundsTable[] = [
  {
    from: null,
    to: "2025-07-06",
    amounts: [14690, 18288, 22483, 27297, 30690, 34917, 38875],
    eachAdditionalMember: 3958,
    source: `${s6}; 2024 table, start date not recorded in the sources`,
  },
  {
    from: "2025-07-07",
    to: null,
    amounts: [15263, 19001, 23360, 28362, 32168, 36280, 40392],
    eachAdditionalMember: 4112,
    source: s6,
  },
];

/** programs.md §2.3: "The 2026 update was not found … the amounts for mid-2026 onward are unknown." */
export const fundsUnknownFrom = "2026-07-01";
/**
 * The 2024 table's start date is not in the sources (programs.md §2.3 gives only its end). Being the 2024
 * update, it was in force by the last day of 2024 at the latest; before that day, it or the earlier table
 * (not in the sources) applied, so the amount is unknown.
 */
export const fundsKnownFrom = "2024-12-31";

export type FundsAmount =
  | { known: true; amount: number; table: FundsTable }
  | { known: false; reason: string; lastKnown: number | null };

export function requiredFunds(familySize: number, date: string): FundsAmount {
  const amountIn = (t: FundsTable) => {
    const base = t.amounts[Math.min(familySize, 7) - 1]!;
    return base + Math.max(0, familySize - 7) * t.eachAdditionalMember;
  };
  const latest = fundsTables[fundsTables.length - 1]!;
  if (date >= fundsUnknownFrom)
    return {
      known: false,
      reason: `the proof-of-funds amounts from mid-2026 are not in the sources (the 2026 update was not found); the last known amount for ${familySize} is CAD ${amountIn(latest)} (table of ${latest.from})`,
      lastKnown: amountIn(latest),
    };
  if (date < fundsKnownFrom)
    return {
      known: false,
      reason: `the proof-of-funds table in force on ${date} is not in the sources (the 2024 table's start date is not recorded, and no earlier table is; the 2024 amount for ${familySize} is CAD ${amountIn(fundsTables[0]!)})`,
      lastKnown: null,
    };
  const table = fundsTables.find(
    (t) => (t.from ?? fundsKnownFrom) <= date && (t.to === null || date <= t.to),
  )!;
  return { known: true, amount: amountIn(table), table };
}
