def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)

// The token as the POM holds it (made up, of the GitHub shape), and where.
List<String> pom = new File(basedir, 'pom.xml').readLines('UTF-8')
int line = pom.findIndexOf { it.contains('<github.token>') } + 1
String token = (pom[line - 1] =~ /<github.token>(\S+)<\/github.token>/)[0][1]
int column = pom[line - 1].indexOf(token) + 1
assert token ==~ /ghp_[A-Za-z0-9]{36}/

assert log.contains('BUILD FAILURE')
assert log.contains('Rule 0: dev.securebuild.enforcer.BanSecretsInBuild failed with message:')
assert log.contains('1 secret(s) in the build files of it.securebuild.enforcer:secret-in-pom:pom:1.0:')
assert log.contains("pom.xml:${line}:${column}: GitHub token ghp_****(40 chars) in <github.token>")
assert log.contains('Move each one out of the build files')
// The allow-list entry, configured in the POM, took the trust store password with its reason.
assert log =~ /pom.xml:${line + 1}:\d+: password in plain text \*{4} in <javax.net.ssl.trustStorePassword> allowed: the JDK's well-known default trust store password/

// Never the secret: not whole, not its part after the well-known prefix.
assert !log.contains(token): 'the token is printed in build.log'
assert !log.contains(token.substring(4)): 'the secret part of the token is printed in build.log'
assert !log.contains('changeit'): 'the allowed password is printed in build.log'
// One security event: where, and the masked finding; never the secret.
String events = new File(basedir, 'target/secure-build/security-events.jsonl').text
def event = new groovy.json.JsonSlurper().parseText(events.readLines()[0])
assert events.readLines().size() == 1 && event.type == 'secrets.found' && event.secrets == 1 && event.files == 'pom.xml'
assert event.message == "pom.xml:${line}:${column}: GitHub token ghp_****(40 chars) in <github.token>"
assert !events.contains(token.substring(4)) && !events.contains('changeit')
return true
