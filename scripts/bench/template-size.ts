/** Which template sheet makes insertTemplate's request big: the JSON size of each sheet's spec. */
import { buildTemplate } from "../../src/core/template/build";

for (const sheet of buildTemplate().sheets) {
  const parts = Object.entries(sheet).map(([key, value]) => `${key} ${JSON.stringify(value ?? null).length}`);
  process.stdout.write(`${sheet.name}: ${JSON.stringify(sheet).length} bytes (${parts.join(", ")})\n`);
}
