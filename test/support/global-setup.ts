import * as fs from "fs";
import * as path from "path";

/**
 * Empties test-templates/ before a test run, so the cfn-lint step that follows jest lints exactly the
 * templates this run synthesized.
 */
export default function globalSetup(): void {
  const dir = path.join(__dirname, "..", "..", "test-templates");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}
