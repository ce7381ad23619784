// office-addin-mock loads office-addin-manifest, which loads ESM-only strip-bom and uuid:
// this guards the jest transform exceptions that make that work.
import { OfficeMockObject } from "office-addin-mock";

it("loads office-addin-mock and its ESM-only dependencies", async () => {
  const mock = new OfficeMockObject({ range: { values: [[1]] } }) as unknown as { range: { values: number[][]; load(p: string): void }; sync(): Promise<void> };
  mock.range.load("values");
  await mock.sync();
  expect(mock.range.values).toEqual([[1]]);
});
