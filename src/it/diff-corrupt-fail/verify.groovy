def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
List<String> invocations = support.invocations(support.buildLog(basedir))
assert invocations.size() == 3
invocations.each { assert it.contains('BUILD FAILURE') }
String cut = new File(basedir, 'right/demo-1.0.jar').absolutePath
String error = /\[ERROR\] Failed to execute goal dev.securebuild:secure-build-maven-plugin:[^:]+:diff \(default-cli\)[^:]*: /
String corrupt = /: not a readable zip archive \(.+\); expected a zip, jar, war or ear with a valid central directory/
// The broken file is named with its side and its path, on whichever side it is.
assert invocations[0] =~ error + 'right ' + java.util.regex.Pattern.quote(cut) + corrupt
assert invocations[1] =~ error + 'left ' + java.util.regex.Pattern.quote(cut) + corrupt
assert invocations[2] =~ error + 'right ' + java.util.regex.Pattern.quote(cut) + corrupt
// A corrupt input is never taken for "no difference": no report is written.
assert !new File(basedir, 'target/secure-build/diff/report.json').exists()
return true
