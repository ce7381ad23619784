/** The calculations of spec section 7. */
export { currentSystem, targetSystem } from "./systems";
export { convergence } from "./convergence";
export { coverage, installationDate } from "./coverage";
export { funding } from "./funding";
export { scoreReturn } from "./score";
export { fyQuarter } from "./fyQuarter";
export { systemsConvergence, trustCoverage } from "./sheetFunctions";
export type { TrustCoverageState } from "./sheetFunctions";
