// The dx-resiliency executable: lib/cli/dx-resiliency.js is this file bundled by esbuild (task bundle:cli),
// whose banner adds the `#!/usr/bin/env node` line.
import { run } from "./run";

// Only when run as the program: a module that loads this one (the rule catalogue's test loads every module
// of src/) must not get the command's exit code.
if (require.main === module) {
  // The bundle carries its own AWS SDK: the SDK's warning that its future releases will need a newer
  // Node.js does not concern the user of this one.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
