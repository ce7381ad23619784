/**
 * The Scores view's As-of "what if": coverage on another day, held against the profile's thresholds. It has its own
 * table and says it is not the target, so that a what-if date never reads as the profile's target date, nor its
 * "met" as the target met (the profile's own table above keeps the target date and whether it was met then).
 */
import { Text } from "@fluentui/react-components";
import { PROFILES } from "../../core/profiles";
import type { CoverageResult } from "../../core/results";
import { formatUkDate, formatUkShortDate } from "../format";
import { FiguresTable } from "./FiguresTable";

export function WhatIfCoverage({ coverage }: { readonly coverage: CoverageResult }) {
  const { profile, asOf } = coverage;
  return (
    <>
      <FiguresTable
        caption={`What if: as of ${formatUkShortDate(asOf)}`}
        figures={[
          ["Installed by then", coverage.installed],
          ["Implementing then", coverage.implementing],
          ["Installed share", coverage.installedShare],
          ["Covered share", coverage.coveredShare],
          [`${profile} thresholds met then`, coverage.met],
        ]}
      />
      <Text as="p" block size={200}>
        A what-if, not the target: the {profile} target is measured on {formatUkDate(PROFILES[profile].asOf)} (above); this holds its thresholds against {formatUkDate(asOf)}.
      </Text>
    </>
  );
}
