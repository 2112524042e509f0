def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
assert log.contains('BUILD FAILURE')
String target = new File(basedir, 'outside-the-inputs/etc').absolutePath
assert log.contains("[WARNING]   - binary content: symbolic link to $target against a folder")
assert log.contains('[WARNING] MISSING    etc/shadow')
assert log.contains('[WARNING] MISSING    passwd')
File reports = new File(basedir, 'target/secure-build/diff')
Map report = support.diffReport(reports)
assert report.summary == [OK: 0, DIFFERENT: 1, MISSING: 2, IGNORED: 0]
Map byName = report.artifacts.collectEntries { [(it.name): it] }
assert byName['etc/shadow'].differences[0].summary == 'etc/shadow is only in the right build'
assert byName['etc/shadow'].leftSha512 == null
assert byName['passwd'].rightSha512 == null: 'a link on one side only is not read through'
// What is behind the link reaches neither the log nor any report.
['report.txt', 'report.json', 'report.html'].each { name ->
    assert !new File(reports, name).getText('UTF-8').contains('CANARY-OUTSIDE-THE-INPUTS'): "$name holds the file behind the link"
}
assert !log.contains('CANARY-OUTSIDE-THE-INPUTS')
return true
