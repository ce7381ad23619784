/** Which target profile a national report measures against, when the command line does not say. */
import { DEFAULT_PROFILE } from "../profiles";
import { PROFILE_NAMES, type ProfileName } from "../schema";

export interface ChosenProfile {
  readonly profile: ProfileName;
  /** given: the command line's; returns: the one most returns name on their ICS sheet; default: none named. */
  readonly from: "given" | "returns" | "default";
}

/**
 * The given profile; else the one most returns name (each ICS sets its own, and a national report measures them
 * all against one); else, or on a tie, the default profile, as for a return that names none.
 */
export function chooseProfile(given: ProfileName | undefined, named: readonly (ProfileName | null)[]): ChosenProfile {
  if (given !== undefined) return { profile: given, from: "given" };
  const counts = PROFILE_NAMES.map((name) => ({ name, count: named.filter((n) => n === name).length }));
  const most = Math.max(...counts.map((c) => c.count));
  const leaders = counts.filter((c) => c.count === most);
  const only = leaders.length === 1 ? leaders[0] : undefined;
  return most > 0 && only !== undefined ? { profile: only.name, from: "returns" } : { profile: DEFAULT_PROFILE, from: "default" };
}
