/** The shipped example workbooks (examples/*.xlsx), by id, with what each shows. */
export const EXAMPLE_IDS = ["clean-ics-return", "mid-plan-return", "trust-adhoc-sheet"] as const;
export type ExampleId = (typeof EXAMPLE_IDS)[number];

export const EXAMPLE_LABELS: Readonly<Record<ExampleId, string>> = {
  "clean-ics-return": "Clean ICS return (ready to send)",
  "mid-plan-return": "The same ICS eighteen months on (target profile mar-2026)",
  "trust-adhoc-sheet": "A trust's own sheet (messy headers and values)",
};
