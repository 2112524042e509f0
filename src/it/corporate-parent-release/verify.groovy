import groovy.json.JsonSlurper

def support = evaluate(new File(itSupport))
support.assertMavenVersion(binding)
String log = support.buildLog(basedir)
List<String> invocations = support.invocations(log)
assert invocations.size() == 2
String release = invocations[1]
File reactor = new File(basedir, 'corporate-reactor')
String group = 'dev/securebuild/examples/inventory'
List<String> modules = ['inventory', 'inventory-core', 'inventory-app', 'inventory-config', 'inventory-web']

// 1. The platform team released the parent with its shared files, which the reactor reads by coordinates.
assert invocations[0].contains('BUILD SUCCESS')
assert release.contains('MultiThreadedBuilder') && release =~ /thread count of 2/
assert !release.contains('does not exist'): 'a shared file was looked for in a module'

// 2. The rules passed in every module: one exemption, with its reason, for secure-build's own SNAPSHOT.
assert !(release =~ /RequireReproducibleBuild (failed|warned)/)
assert release.contains('secure-build is built from its checkout in this example')
assert release.readLines().count { it.startsWith('[WARNING] requireReproducibleBuild: exemption 1 (dev.securebuild:*) exempts ') } == 1:
        'the exemption every module inherits is warned once for the build'
assert release.readLines().count { it.contains('requireReproducibleBuild: exemption of dev.securebuild:* applies to ') } == 4

// 3. The scanner gate ran where there is code and said "not applicable" where there is none.
Map<String, Map> findings = [:]
modules.each { artifactId ->
    String folder = artifactId == 'inventory' ? '.' : artifactId - 'inventory-'
    File result = new File(reactor, "${folder}/target/secure-build/results/check-findings.json")
    assert result.isFile(): "no scanner gate result in ${folder}"
    findings[artifactId] = new JsonSlurper().parse(result) as Map
}
['inventory-core', 'inventory-app', 'inventory-web'].each { assert findings[it].verdict == 'pass': "${it}: ${findings[it].summary}" }
['inventory', 'inventory-config'].each { assert findings[it].verdict == 'not-applicable': "${it}: ${findings[it].summary}" }

// 4. One release decision for the reactor: GO, every module, every check.
File gateFolder = new File(reactor, 'target/secure-build/release-gate')
Map gate = new JsonSlurper().parse(new File(gateFolder, 'release-gate.json')) as Map
assert gate.decision == 'GO': gate.reasons
assert gate.exceptions == []
assert gate.modules*.module.sort() == modules.collect { "dev.securebuild.examples.inventory:${it}" }.sort()
gate.modules.each { Map module ->
    Map<String, Map> checks = module.checks.collectEntries { [(it.check): it] }
    assert checks.keySet() == ['sign', 'verify-signatures', 'findings', 'allowlist', 'provenance', 'verify-provenance', 'reproducible'] as Set
    checks.each { check, status ->
        boolean noCode = check == 'findings' && (module.module.endsWith(':inventory') || module.module.endsWith(':inventory-config'))
        assert status.status == (noCode ? 'not-applicable' : 'pass'): "${module.module} ${check}: ${status}"
    }
}
assert release.contains('Release gate: GO. Reports: ')

// 5. Deployed at the end only: nothing was uploaded before the gate decided, then every module was.
int decided = release.indexOf('Release gate: GO')
int firstUpload = release.indexOf('Uploading to local: ')
assert firstUpload > decided: 'a module was deployed before the release gate decided'
File repo = new File(reactor, "target/repo/${group}")
modules.each { artifactId ->
    File folder = new File(repo, "${artifactId}/2.3.0")
    String main = artifactId == 'inventory' ? null : (artifactId == 'inventory-web' ? 'war' : 'jar')
    ["${artifactId}-2.3.0.pom", main ? "${artifactId}-2.3.0.${main}" : null, "${artifactId}-2.3.0.intoto.jsonl"].findAll().each { String name ->
        ['', '.asc', '.sha256', '.sha512'].each { suffix ->
            assert new File(folder, name + suffix).isFile(): "not deployed: ${artifactId}/2.3.0/${name}${suffix}"
        }
    }
}

// The rebuild compared every output of the reactor, the war too, and found them the same.
assert release =~ /9 output\(s\): 9 OK, 0 DIFFERENT, 0 MISSING/
assert !release.contains('did not start from a clean target/'): 'the build ran clean: no stale-output warning'

// 6. One signed, hash-chained record of the deployment, for the reactor, at its top.
List<String> ledger = new File(reactor, 'deployments.jsonl').readLines('UTF-8')
assert ledger.size() == 1
assert !release.contains('[ERROR]')
assert release.contains('BUILD SUCCESS')
return true
