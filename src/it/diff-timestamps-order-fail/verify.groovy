def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> runs = support.invocations(support.buildLog(basedir))
assert runs.size() == 2
String failed = runs[0]
assert failed.contains('BUILD FAILURE')
assert failed.contains('[WARNING] DIFFERENT  demo-1.0.jar')
assert failed =~ /\[WARNING\]   - entry order: the same entries in another order: 3 of 4 at another position/
assert failed =~ /\[WARNING\]   - entry timestamps: 4 of 4 entries have other times/
assert failed.contains('cause: Entry times are the times the files were compiled or copied: project.build.outputTimestamp is not set')
assert failed.contains('fix:   Maven\'s archivers sort the entries once project.build.outputTimestamp is set')
assert failed =~ /demo-1.0.jar and \S+demo-1.0.jar differ: 1 output\(s\): 0 OK, 1 DIFFERENT, 0 MISSING. See \S+target\/secure-build\/diff\/report.txt/
// Nothing but order and times: the content of every entry is the same.
assert !failed.contains('text content') && !failed.contains('entry added') && !failed.contains('entry removed')

Map report = support.diffReport(new File(basedir, 'target/secure-build/diff'))
assert report.reproducible == false
assert report.artifacts[0].differences*.kind == ['ENTRY_ORDER', 'ENTRY_TIMESTAMP']
assert report.artifacts[0].differences[0].facts.leftSorted == 'true'
assert report.artifacts[0].differences[0].facts.rightSorted == 'false'
assert report.artifacts[0].differences[1].count == 4

String reported = runs[1]
assert reported.contains('BUILD SUCCESS')
assert reported.contains('[WARNING] DIFFERENT  demo-1.0.jar')
assert support.diffReport(new File(basedir, 'report-only')).artifacts[0].status == 'DIFFERENT'
return true
