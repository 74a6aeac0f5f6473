import { DirectConnectEstate } from "../analyse/estate/estate";

/** Placeholder until the emit-code branch merges. */
export function emitCode(estate: DirectConnectEstate, language: "typescript" | "python"): string {
  return `// ${language}: ${estate.gateways.length} gateway(s)`;
}
