// Parses Mermaid pictures with Mermaid's own parser (the mermaid package, under a jsdom window: its parser
// sanitizes labels with DOMPurify, which needs a DOM). An ES module, so a child process of the tests
// (test/support/mermaid.ts): reads a JSON array of pictures on stdin and writes, per picture, either
// { error } or what the parser made of it: { type, vertices, subgraphs, edges } (the node ids, the
// subgraph ids and the number of edges).
import { JSDOM } from "jsdom";

const { window } = new JSDOM("");
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    const { diagramType } = await mermaid.parse(text);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(text);
    results.push({
      type: diagramType,
      vertices: [...db.getVertices().keys()],
      subgraphs: db.getSubGraphs().map((s) => s.id),
      edges: db.getEdges().length,
    });
  } catch (e) {
    results.push({ error: String(e && e.message ? e.message : e) });
  }
}
process.stdout.write(JSON.stringify(results));
