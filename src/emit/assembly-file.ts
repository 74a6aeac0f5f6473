import * as fs from "fs";
import * as path from "path";
import { IConstruct } from "constructs";

/**
 * aws-cdk-lib calls `onSynthesize(session)` of the object stored under this global symbol on a
 * construct when it writes the cloud assembly (core/lib/private/synthesis.ts, `addCustomSynthesis`;
 * in every 2.x release this library supports). The symbol is global (`Symbol.for`), so no internal
 * module is imported.
 */
const CUSTOM_SYNTHESIS = Symbol.for("@aws-cdk/core:customSynthesis");

/**
 * Writes a file into the cloud assembly (next to the templates) when the app is synthesized. The
 * content is made at that time, when the whole app exists.
 *
 * @internal
 */
export function writeIntoAssembly(construct: IConstruct, fileName: string, content: () => string): void {
  Object.defineProperty(construct, CUSTOM_SYNTHESIS, {
    value: {
      onSynthesize(session: { outdir: string }) {
        fs.writeFileSync(path.join(session.outdir, fileName), content());
      },
    },
    enumerable: false,
    configurable: true,
  });
}
