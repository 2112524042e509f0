import java.nio.file.Files

// A folder outside the project with a report in it, and a link to it from inside the project.
File outside = new File(basedir, '../check-findings-glob-rerun-outside')
outside.mkdirs()
new File(outside, 'outside.sarif').text = '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"Outside"}},"results":[' +
        '{"ruleId":"OUTSIDE-CANARY","level":"error","message":{"text":"read from outside the project"}}]}]}'
File link = new File(basedir, 'reports/outside')
Files.deleteIfExists(link.toPath())
Files.createSymbolicLink(link.toPath(), outside.toPath().toAbsolutePath())
return true
