import { paneHostFor, workbenchAddressFor } from "../../src/taskpane/hostChoice";

test("a host from Office.onReady means Excel; none means the workbench", () => {
  expect(paneHostFor({ host: "Excel" })).toBe("office");
  expect(paneHostFor({ host: null })).toBe("workbench");
  expect(paneHostFor({})).toBe("workbench");
  expect(paneHostFor(undefined)).toBe("workbench");
});

test("the workbench sits beside the page, with the page's query", () => {
  expect(workbenchAddressFor("https://localhost:3000/taskpane.html?theme=dark")).toBe("https://localhost:3000/workbench.html?theme=dark");
  expect(workbenchAddressFor("https://epr.example.nhs.uk/addin/taskpane.html")).toBe("https://epr.example.nhs.uk/addin/workbench.html");
});
