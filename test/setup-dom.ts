import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";

// findBy*/waitFor wait up to 1 s by default; a busy 2-core CI machine can take longer to check a sheet.
configure({ asyncUtilTimeout: 10_000 });
