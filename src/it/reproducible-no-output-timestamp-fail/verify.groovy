def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert log.contains('[WARNING] DIFFERENT  reproducible-no-output-timestamp-fail-1.0.jar')
assert log =~ /\[WARNING\]   - entry timestamps: \d+ of \d+ entries have other times/
assert log.contains('project.build.outputTimestamp is not set, or the plugin that made this archive ignores it')
Map report = support.diffReport(new File(basedir, 'target/secure-build/reproducible'))
Map jar = report.artifacts.find { it.name == 'reproducible-no-output-timestamp-fail-1.0.jar' }
Map times = jar.differences.find { it.kind == 'ENTRY_TIMESTAMP' }
assert times != null: jar.differences*.kind
assert times.count >= 4
assert times.explanation.fix.contains('<project.build.outputTimestamp>')
return true
