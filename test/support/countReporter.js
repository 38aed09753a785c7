// Writes jest's totals to a file so .ci/run can print one plain "N passed, N failed" line.
const fs = require("fs");
const path = require("path");

class CountReporter {
  onRunComplete(_contexts, results) {
    const out = process.env.CRM_TEST_COUNTS;
    if (!out) return;
    const counts = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(counts));
  }
}
module.exports = CountReporter;
