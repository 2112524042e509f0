def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert log.contains("[WARNING]   - text content lib/demo-1.0.jar!/demo/build.properties: 1 line(s) differ: 'built=2026-12-01T10:15:30Z' against 'built=2026-12-01T10:21:07Z'")
assert log.contains('cause: The build time is in the file\'s content: a resource filtered with ${maven.build.timestamp}')
Map report = support.diffReport(new File(basedir, 'target/secure-build/diff'))
List differences = report.artifacts[0].differences
assert differences*.kind == ['TEXT_CONTENT']
assert differences[0].location == 'demo-1.0-dist.zip!/lib/demo-1.0.jar!/demo/build.properties'
assert differences[0].details.contains('-built=2026-12-01T10:15:30Z')
assert differences[0].details.contains('+built=2026-12-01T10:21:07Z')
// The report a person opens shows the same, escaped.
String html = new File(basedir, 'target/secure-build/diff/report.html').getText('UTF-8').replace('<wbr>', '') // long names may wrap at their parts
assert html.contains('demo-1.0-dist.zip!/lib/demo-1.0.jar!/demo/build.properties')
return true
