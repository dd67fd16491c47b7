// Package browsertest drives headless Chromium from Go tests: navigate, fill
// forms by label, click by text, and check each page with axe-core and
// internal/htmlcheck.
//
// A test starts a browser with New; when Chromium is absent it skips, except
// when the CI variable is set, where it fails so that CI never silently runs
// no browser test. Chromium is looked up in BOUSSOLE_CHROMIUM, then the usual
// install paths. axe-core is read from the file named by BOUSSOLE_AXE_JS
// (axe.min.js of the npm package); .ci/run installs both.
package browsertest
