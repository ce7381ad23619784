/**
 * The validation stamp survives a save by another spreadsheet program: a merged, stamped return,
 * converted xlsx → xlsx by LibreOffice, still verifies (and a change made after still shows).
 */
import { join } from "node:path";
import { openWorkbookFile } from "../../src/files/nodeFile";
import { STAMP_SHEET } from "../../src/core/stamp";
import { runCli } from "../cli/run";
import { EAST, NORTH, SOUTH, tempFolder, writeTrustBook } from "../core/merge/trustWorkbooks";
import { hasLibreOffice, recalculate } from "../helpers/libreoffice";

const describeWithLibreOffice = hasLibreOffice() ? describe : describe.skip;
if (!hasLibreOffice()) console.warn("LibreOffice (soffice) not found: skipping the stamp round-trip test");

describeWithLibreOffice("the stamp through LibreOffice", () => {
  it("still verifies after LibreOffice opens and saves the workbook", async () => {
    const { dir, cleanup } = await tempFolder("epr-stamp-lo-");
    try {
      const inputs = await Promise.all([
        writeTrustBook(join(dir, "north.xlsx"), NORTH),
        writeTrustBook(join(dir, "south.xlsx"), SOUTH),
        writeTrustBook(join(dir, "east.xlsx"), EAST),
      ]);
      const merged = join(dir, "merged.xlsx");
      expect((await runCli(["merge", ...inputs, "-o", merged])).code).toBe(0);
      const stamped = join(dir, "stamped.xlsx");
      const stamping = await runCli(["stamp", merged, "-o", stamped]);
      expect(stamping.stderr).toBe("");
      expect(stamping.code).toBe(0);

      const resaved = join(dir, "resaved.xlsx");
      await recalculate(stamped, resaved);
      const { data } = await openWorkbookFile(resaved);
      // LibreOffice keeps the sheet; it may write "very hidden" back as "hidden".
      expect(["hidden", "veryHidden"]).toContain(data.sheets.find((s) => s.name === STAMP_SHEET)?.state);

      const verified = await runCli(["verify", resaved]);
      expect(verified.stdout).toContain("matches its stamp");
      expect(verified.code).toBe(0);
    } finally {
      await cleanup();
    }
  }, 180_000);
});
