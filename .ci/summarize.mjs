// Prints CI's last line, "N passed, N failed, N skipped", from Vitest's JSON
// report, and exits non-zero when anything failed. A file can fail outside its
// tests (a hook, an unhandled error): its tests then read as passed or skipped
// in the report, so such a file adds a failure of its own and its skipped
// tests count as failed (they never ran). A failed step with no report, or a
// run with no test at all, is a failure too.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, stepStatus] = process.argv.slice(2);
const stepFailed = Number(stepStatus) !== 0;

let passed = 0;
let failed = 0;
let skipped = 0;
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  for (const file of report.testResults) {
    const tests = file.assertionResults;
    const count = (...statuses) => tests.filter((t) => statuses.includes(t.status)).length;
    const filePassed = count('passed');
    const fileFailed = count('failed');
    const fileSkipped = count('pending', 'skipped', 'todo', 'disabled');
    passed += filePassed;
    if (file.status === 'failed') {
      failed += fileFailed + fileSkipped;
      if (fileFailed + fileSkipped === 0) failed += 1;
    } else {
      failed += fileFailed;
      skipped += fileSkipped;
    }
  }
  if (passed + failed + skipped === 0) failed = 1;
} else {
  // The test command always writes its report: without one, nothing was counted.
  failed = 1;
}
if (stepFailed && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || stepFailed ? 1 : 0);
