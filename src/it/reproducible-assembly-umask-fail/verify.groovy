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
assert modes.explanation.producedBy.startsWith('maven-assembly-plugin 3.1.1, execution dist')
// The jar of the same classes is reproducible: maven-jar-plugin normalizes modes when outputTimestamp is set.
assert report.artifacts.find { it.name == 'reproducible-assembly-umask-fail-1.0.jar' }.status == 'OK'
return true
