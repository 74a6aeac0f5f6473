import * as fs from "fs";
import * as path from "path";
import { Stage, attachCustomSynthesis } from "aws-cdk-lib";
import { Construct } from "constructs";

/**
 * Writes a file into the cloud assembly (next to the templates) when the app is synthesized. The
 * content is made at that time, when the whole app exists.
 *
 * Through `attachCustomSynthesis`, which aws-cdk-lib exports from its root in every 2.x release this
 * library supports (from 2.241.0): the one public hook that hands a construct the session's output
 * directory. (It is not exposed through jsii, and its doc comment reserves it for AWS libraries; no
 * private symbol or internal module is used.)
 *
 * @internal
 */
export function writeIntoAssembly(construct: Construct, fileName: string, content: () => string): void {
  attachCustomSynthesis(construct, {
    onSynthesize(session) {
      fs.writeFileSync(path.join(session.outdir, fileName), content());
    },
  });
}

/**
 * Where `writeIntoAssembly` puts a file, as a user reads it: relative to the working directory when the
 * cloud assembly is below it (`cdk.out/<file>`), else the full path.
 *
 * @internal
 */
export function assemblyPathOf(construct: Construct, fileName: string): string {
  const outdir = Stage.of(construct)?.outdir;
  if (outdir === undefined) return fileName;
  const full = path.join(outdir, fileName);
  const relative = path.relative(process.cwd(), full);
  return relative.startsWith("..") || path.isAbsolute(relative) ? full : relative;
}
