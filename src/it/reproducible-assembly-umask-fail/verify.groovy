def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
assert log.contains('[WARNING] DIFFERENT  reproducible-assembly-umask-fail-1.0-dist.zip')
assert log =~ /\[WARNING\]   - file modes: \d+ of \d+ entries have other file modes, e.g. classes\/\S*: 0[67][0-7][45] against 0[67][0-7][45]/
assert log.contains('cause: The modes differ only in the group and other write bits')
assert log.contains('each build\'s umask (0002 against 0022)')
Map report = support.diffReport(new File(basedir, 'target/secure-build/reproducible'))
Map zip = report.artifacts.find { it.name == 'reproducible-assembly-umask-fail-1.0-dist.zip' }
Map modes = zip.differences.find { it.kind == 'ENTRY_PERMISSIONS' }
assert modes.facts.umask == 'true'
assert modes.explanation.producedBy == 'maven-assembly-plugin 3.1.1, execution dist'
// The project sets outputTimestamp: the fix names the plugin version that ignores it instead of advising to set it.
assert modes.explanation.fix.startsWith('project.build.outputTimestamp is set (2026-01-01T00:00:00Z), but maven-assembly-plugin 3.1.1 ignores it: upgrade maven-assembly-plugin to 3.2.0 or later')
// The jar of the same classes is reproducible: maven-jar-plugin normalizes modes when outputTimestamp is set.
assert report.artifacts.find { it.name == 'reproducible-assembly-umask-fail-1.0.jar' }.status == 'OK'
return true
