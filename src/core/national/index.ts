/** The national roll-up of ICS returns (docs/national.md). */
export type {
  AreaFigures, DuplicateTrust, IcsFigures, NationalOptions, NationalProblems, NationalReport, NoPrevious, PreviousSummary, RegionFigures, ReturnSummary,
  ReturnWithErrors, SincePrevious, StampState, SupplierMarket, SupplierMarketRow, TrustPlace, UnreadableReturn,
} from "./types";
export { nationalReport } from "./report";
export { concatenatedRows } from "./areas";
export { supplierAtTarget, supplierMarket, supplierNow } from "./suppliers";
export { chooseProfile, type ChosenProfile } from "./profile";
export { trustCoverageAt } from "./trustCoverage";
export { matchPrevious, sincePrevious, withPrevious, type PreviousReturn } from "./previous";
