import { isDateNumberFormat } from "../../../src/core/sheet/numberFormats";

describe("isDateNumberFormat", () => {
  it.each(["dd/mm/yyyy", "d-mmm-yy", "mmm-yy", "mmmm", "[$-809]dd mmmm yyyy", "yyyy-mm-dd hh:mm", "[Red]dd/mm/yyyy"])("%s is a date", (f) => {
    expect(isDateNumberFormat(f)).toBe(true);
  });
  it.each(["General", "0.00", "£#,##0", "h:mm", "mm:ss", "[h]:mm", '0 "days"', "@", "#,##0;[Red]-#,##0", null])("%s is not a date", (f) => {
    expect(isDateNumberFormat(f)).toBe(false);
  });
});
