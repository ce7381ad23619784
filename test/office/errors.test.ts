import { describeOfficeError, isOfficeError, isPayloadTooLarge, withOfficeErrors } from "../../src/office/errors";
import { officeError } from "./fakeExcel";

describe("describeOfficeError", () => {
  it("tells a user in cell edit mode what to do", () => {
    const error = describeOfficeError('read sheet "Trusts"', officeError("InvalidOperationInCellEditMode"));
    expect(error.message).toBe('Could not read sheet "Trusts": Excel is busy editing a cell: press Enter or Esc and try again.');
  });
  it("keeps the original as the cause", () => {
    const original = officeError("ItemNotFound");
    const error = describeOfficeError("go to Trusts!A1", original);
    expect(error.message).toMatch(/renamed or deleted/);
    expect(error.cause).toBe(original);
  });
  it("words unknown codes with Excel's own message", () => {
    const error = describeOfficeError("mark cells", officeError("SomethingNew", "odd failure"));
    expect(error.message).toMatch(/Could not mark cells: Excel reported "odd failure" \(SomethingNew\)/);
  });
  it("passes our own errors through unchanged", () => {
    const ours = new Error("A sheet named X is already there");
    expect(describeOfficeError("insert", ours)).toBe(ours);
  });
  it("recognises Office-style errors and payload limits", () => {
    expect(isOfficeError(new Error("plain"))).toBe(false);
    expect(isOfficeError(officeError("AccessDenied"))).toBe(true);
    expect(isPayloadTooLarge(officeError("ResponsePayloadSizeLimitExceeded"))).toBe(true);
    expect(isPayloadTooLarge(officeError("AccessDenied"))).toBe(false);
  });
});

describe("withOfficeErrors", () => {
  it("rethrows failures worded for people", async () => {
    await expect(withOfficeErrors("write to \"Trusts\"", async () => { throw officeError("AccessDenied"); }))
      .rejects.toThrow(/Could not write to "Trusts": the workbook or sheet is protected/);
  });
  it("returns the result when nothing fails", async () => {
    await expect(withOfficeErrors("x", async () => 5)).resolves.toBe(5);
  });
});
