/**
 * functions.json as the build writes it: custom-functions-metadata (the
 * generator behind custom-functions-metadata-plugin) must accept every JSDoc
 * tag and type in src/functions/functions.ts and name all eight functions.
 */
import * as path from "node:path";

interface ParameterMetadata {
  readonly name: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}
interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly ParameterMetadata[];
}
interface GenerateResult {
  readonly metadataJson: string;
  readonly errors: string[];
  readonly associate: readonly { readonly id: string; readonly functionName: string }[];
}
type Generate = (input: string, wantConsoleOutput?: boolean) => Promise<GenerateResult>;

/** Resolved through the plugin, the project's declared dependency, rather than as a package of its own. */
async function loadGenerator(): Promise<Generate> {
  const pluginPath = require.resolve("custom-functions-metadata-plugin");
  const generatorPath = require.resolve("custom-functions-metadata", { paths: [path.dirname(pluginPath)] });
  const generator = (await import(generatorPath)) as { generateCustomFunctionsMetadata: Generate };
  return generator.generateCustomFunctionsMetadata;
}

const FUNCTIONS_FILE = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");

describe("custom functions metadata", () => {
  let result: GenerateResult;
  let functions: FunctionMetadata[];

  beforeAll(async () => {
    const generate = await loadGenerator();
    result = await generate(FUNCTIONS_FILE, false);
    functions = (JSON.parse(result.metadataJson || "{}") as { functions?: FunctionMetadata[] }).functions ?? [];
  }, 30_000);

  it("has no errors", () => {
    expect(result.errors).toEqual([]);
  });

  it("names the eight EPR functions", () => {
    expect(functions.map((f) => f.name)).toEqual(["NORMALIZESUPPLIER", "DISTINCT", "HHI", "EFFECTIVE", "CONVERGENCE", "COVERAGE", "PARSEDATE", "FYQUARTER"]);
  });

  it("takes ranges as matrices and marks the optional arguments", () => {
    const hhi = functions.find((f) => f.name === "HHI");
    expect(hhi?.parameters).toEqual([
      expect.objectContaining({ name: "systems", dimensionality: "matrix" }),
      expect.objectContaining({ name: "weights", dimensionality: "matrix", optional: true }),
    ]);
    const coverage = functions.find((f) => f.name === "COVERAGE");
    expect(coverage?.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["status", false],
      ["goLive", false],
      ["targetGoLive", false],
      ["asOf", true],
    ]);
  });

  it("associates each function with its exported implementation", () => {
    expect(result.associate.map((a) => `${a.id}=${a.functionName}`)).toEqual([
      "NORMALIZESUPPLIER=normalizeSupplierName",
      "DISTINCT=distinctSystems",
      "HHI=hhi",
      "EFFECTIVE=effectiveSystems",
      "CONVERGENCE=convergenceScore",
      "COVERAGE=coverage",
      "PARSEDATE=parseDate",
      "FYQUARTER=financialQuarter",
    ]);
  });
});
