def support = evaluate(new File(itSupport))
String log = support.buildLog(basedir)

def runs = support.invocations(log)
assert runs.size() == 2: "expected two Maven invocations, found ${runs.size()}"
assert runs[0].contains('BUILD SUCCESS') && runs[0].contains('approved-dependencies-1.0.yaml')
assert runs[1].contains('BUILD SUCCESS')
assert !runs[1].contains('ApprovedDependencies failed')
return true
