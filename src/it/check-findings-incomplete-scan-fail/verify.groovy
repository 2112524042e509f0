def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

assert log.count('BUILD FAILURE') == 3
assert !log.contains('PASS:') && !log.contains('Read 0 finding(s)')
// The tool failed: the file, the run and the tool's own error.
assert log =~ /reports[\\\/]spotbugs\.sarif at line 4, column 5: runs\[0\] \(tool SpotBugs\): the tool reports that it did not run successfully \("executionSuccessful": false, exit code 3\); its errors: "Classes needed for analysis were missing: \[org\.example\.Missing\]"/
// An SBOM is not a scan.
assert log =~ /reports[\\\/]bom\.json: a CycloneDX BOM without "vulnerabilities" is an inventory of components \(made by cyclonedx-maven-plugin\), not a scan/
assert log.contains('grype sbom:bom.json')
// A limit: the place, the limit and the property that raises it.
assert log =~ /reports[\\\/]codeql\.sarif at line \d+, column \d+: a string or name longer than the limit of 20 characters/
assert log.contains('raise the limit with -Dsecure-build.findings.maxStringLength=<characters>')
// Each is the goal's own error (the invoker runs Maven with -e, so the causes are printed too).
assert log.count('[ERROR] Failed to execute goal dev.securebuild:secure-build-maven-plugin') == 3
