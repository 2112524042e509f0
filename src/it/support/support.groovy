/*
 * Helpers shared by the verify.groovy scripts of the integration tests. Not an IT itself (there is no pom.xml here).
 * A script loads it with:  def support = evaluate(new File(itSupport))
 * and calls the static methods below on what it returns, e.g. support.buildLog(basedir).
 */
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.concurrent.TimeUnit

class ItSupport {

    /** The text of build.log of the IT, without the ANSI colour codes Maven may print even in batch mode. */
    static String buildLog(File basedir) {
        File log = new File(basedir, 'build.log')
        assert log.isFile(): "no build.log in $basedir"
        return log.getText('UTF-8').replaceAll(/\u001B\[[0-9;]*m/, '')
    }

    /**
     * The build ran with -V (invoker showVersion): checks that the Maven that ran is the one the invoker says it used
     * (script variable mavenVersion) and the one the invoker execution asks for: script variable expectedMavenVersion
     * (the execution with its own Maven home) or outerMavenBuildVersion (the execution that runs the Maven of the
     * outer build). Call with the script's binding: support.assertMavenVersion(binding).
     */
    static String assertMavenVersion(Binding binding) {
        File basedir = binding.getVariable('basedir') as File
        String mavenVersion = binding.getVariable('mavenVersion')
        String expected = binding.hasVariable('expectedMavenVersion') ? binding.getVariable('expectedMavenVersion') : null
        String outer = binding.hasVariable('outerMavenBuildVersion') ? binding.getVariable('outerMavenBuildVersion') : null
        def versions = (buildLog(basedir) =~ /(?m)^Apache Maven (\S+)/).collect { it[1] }.unique()
        assert versions.size() == 1: "expected one 'Apache Maven x.y.z' line (invoker showVersion), found $versions"
        String ran = versions[0]
        println "IT ${basedir.name} ran on Maven $ran"
        assert ran == mavenVersion: "build.log says Maven $ran, the invoker says it used $mavenVersion"
        assert expected || outer: 'the invoker execution sets neither expectedMavenVersion nor outerMavenBuildVersion'
        if (expected) {
            assert ran == expected: "this invoker execution should run Maven $expected, it ran $ran"
        }
        if (outer) {
            def outerVersion = (outer =~ /^Apache Maven (\S+)/)
            assert outerVersion.find() && outerVersion.group(1) == ran: "the outer build runs $outer, the IT ran Maven $ran"
        }
        return ran
    }

    /** The JDK that ran the IT's Maven, from -V's "Java version: x, vendor: ..." line: the invoker may run another than its own. */
    static String javaVersion(File basedir) {
        def versions = (buildLog(basedir) =~ /(?m)^Java version: ([^,\s]+),/).collect { it[1] }.unique()
        assert versions.size() == 1: "expected one 'Java version:' line (invoker showVersion), found $versions"
        return versions[0]
    }

    /** The feature release of {@link #javaVersion}: 17 for 17.0.15, 25 for 25.0.3. */
    static String javaFeature(File basedir) {
        return javaVersion(basedir).split(/[.+-]/)[0]
    }

    static String hex(File file, String algorithm) {
        MessageDigest digest = MessageDigest.getInstance(algorithm)
        file.withInputStream { InputStream input ->
            byte[] buffer = new byte[65536]
            int read
            while ((read = input.read(buffer)) > 0) {
                digest.update(buffer, 0, read)
            }
        }
        return digest.digest().encodeHex().toString()
    }

    /** Sidecar extension → JCA name. */
    static final Map<String, String> ALGORITHMS = ['sha256': 'SHA-256', 'sha512': 'SHA-512', 'sha1': 'SHA-1', 'md5': 'MD5']

    /** Each {@code sidecarDir/name.ext} holds exactly the lowercase hex digest of {@code file}, without a newline. */
    static void assertSidecars(File file, File sidecarDir, String name, List<String> extensions) {
        extensions.each { String ext ->
            File sidecar = new File(sidecarDir, "${name}.${ext}")
            assert sidecar.isFile(): "missing sidecar $sidecar"
            String content = sidecar.getText('US-ASCII')
            assert content ==~ /[0-9a-f]+/: "$sidecar is not bare lowercase hex (no newline allowed): '${content}'"
            assert content == hex(file, ALGORITHMS[ext]): "$sidecar does not hold the ${ALGORITHMS[ext]} of $file"
        }
    }

    /** Armored, no Version header, no CR. */
    static void assertArmoredSignature(File asc) {
        assert asc.isFile(): "missing signature $asc"
        String text = asc.getText('US-ASCII')
        assert text.startsWith('-----BEGIN PGP SIGNATURE-----\n'): "$asc is not an armored signature"
        assert text.trim().endsWith('-----END PGP SIGNATURE-----'): "$asc is not an armored signature"
        assert !text.contains('\r'): "$asc contains CR"
        assert !(text =~ /(?m)^Version:/): "$asc has a Version header"
    }

    /** Runs a command; returns [exitCode, combined output]. Killed after timeoutSeconds (a tool waiting for input). */
    static List run(List<String> command, File dir = null, Map<String, String> env = [:], long timeoutSeconds = 60) {
        ProcessBuilder builder = new ProcessBuilder(command.collect { it.toString() }).redirectErrorStream(true)
        if (dir != null) {
            builder.directory(dir)
        }
        builder.environment().putAll(env)
        Process process = builder.start()
        process.outputStream.close()
        ByteArrayOutputStream output = new ByteArrayOutputStream()
        Thread reader = process.consumeProcessOutputStream(output)
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            assert false: "timed out after ${timeoutSeconds}s: $command\n${output.toString('UTF-8')}"
        }
        reader.join(10000)
        return [process.exitValue(), output.toString('UTF-8')]
    }

    static String runOk(List<String> command, File dir = null, Map<String, String> env = [:]) {
        def (int code, String output) = run(command, dir, env)
        assert code == 0: "$command failed with exit code $code:\n$output"
        return output
    }

    /** A short temporary directory (gpg-agent sockets must have short paths). */
    static File tempDir(String prefix) {
        File dir = Files.createTempDirectory(Path.of('/tmp'), prefix).toFile()
        dir.setReadable(false, false); dir.setReadable(true, true)
        dir.setWritable(false, false); dir.setWritable(true, true)
        dir.setExecutable(false, false); dir.setExecutable(true, true)
        return dir
    }

    /** What gpg --list-packets says about an OpenPGP file (in a throwaway home). */
    static String gpgListPackets(File file) {
        File home = tempDir('sb-gpg')
        try {
            return runOk(['gpg', '--batch', '--homedir', home.path, '--list-packets', file.path])
        } finally {
            run(['gpgconf', '--homedir', home.path, '--kill', 'all'])
            home.deleteDir()
        }
    }

    /**
     * The three OpenPGP implementations every signature must satisfy (GnuPG, Sequoia sq, RNP), each with a fresh home
     * that knows only {@code publicKey}: verify(ascFile, dataFile) checks one signature with all three; close() removes
     * the homes. Use with withCloseable.
     */
    static Verifiers verifiers(File publicKey, String expectedFingerprint) {
        return new Verifiers(publicKey, expectedFingerprint)
    }

    static class Verifiers implements Closeable {
        final File publicKey
        final String fingerprint
        final File gnupgHome
        final File rnpHome
        final File sqHome
        int verified = 0

        Verifiers(File publicKey, String fingerprint) {
            this.publicKey = publicKey
            this.fingerprint = fingerprint.trim().toUpperCase()
            gnupgHome = tempDir('sb-gpg')
            rnpHome = tempDir('sb-rnp')
            sqHome = tempDir('sb-sq')
            runOk(['gpg', '--batch', '--homedir', gnupgHome.path, '--import', publicKey.path])
        }

        void verify(File asc, File data) {
            assertArmoredSignature(asc)
            assert data.isFile(): "missing $data"
            // GnuPG: VALIDSIG <fpr> <date> <ts> <expire> <ver> <reserved> <pkalgo> <hashalgo> <class> <primary fpr>
            String status = runOk(['gpg', '--batch', '--homedir', gnupgHome.path, '--status-fd', '1', '--verify', asc.path, data.path])
            def validsig = (status =~ /(?m)^\[GNUPG:\] VALIDSIG (\S+) \S+ \S+ \S+ \S+ \S+ \S+ (\d+) \S+ (\S+)$/)
            assert validsig.find(): "gpg printed no VALIDSIG for $asc:\n$status"
            assert validsig.group(3) == fingerprint: "gpg: $asc made by ${validsig.group(3)}, expected $fingerprint"
            assert validsig.group(2) == '10': "gpg: $asc does not use SHA-512 (hash algorithm ${validsig.group(2)})"
            // Sequoia
            runOk(['sq', 'verify', '--signer-cert', publicKey.path, '--detached', asc.path, data.path], null,
                    ['HOME': sqHome.path, 'SEQUOIA_HOME': sqHome.path])
            // RNP
            String rnp = runOk(['rnp', '--homedir', rnpHome.path, '--keyfile', publicKey.path, '--verify', asc.path, '--source', data.path])
            assert rnp.contains('Good signature'): "rnp did not report a good signature for $asc:\n$rnp"
            verified++
        }

        /** gpg must refuse: the data or signature was altered. */
        void assertGpgRejects(File asc, File data) {
            def (int code, String output) = run(['gpg', '--batch', '--homedir', gnupgHome.path, '--status-fd', '1', '--verify', asc.path, data.path])
            assert code != 0 && output.contains('BADSIG'): "gpg accepted $asc for $data:\n$output"
        }

        @Override
        void close() {
            run(['gpgconf', '--homedir', gnupgHome.path, '--kill', 'all'])
            [gnupgHome, rnpHome, sqHome].each { it.deleteDir() }
        }
    }

    /**
     * Copies the produced files under their repository names into a temporary folder and checks them there with the
     * coreutils tool (sha256sum, ...) reading the summary, as a user who downloaded them would.
     */
    static void assertSummaryAccepted(File summary, Map<String, File> produced, String tool) {
        File dir = tempDir('sb-sums')
        try {
            produced.each { name, file -> Files.copy(file.toPath(), new File(dir, name).toPath()) }
            String output = runOk([tool, '--strict', '-c', summary.absolutePath], dir)
            produced.keySet().each { assert output.contains("$it: OK"): "$tool -c $summary did not check $it:\n$output" }
        } finally {
            dir.deleteDir()
        }
    }

    /** Files anywhere under dir that are signatures or checksums of signatures or checksums (.asc.asc, .sha256.asc, ...). */
    static List<File> nestedOutputs(File dir) {
        List<File> found = []
        if (!dir.exists()) {
            return found
        }
        dir.eachFileRecurse { File f ->
            if (f.isFile() && f.name =~ /\.(asc|sha1|sha256|sha512|md5)\.(asc|sha1|sha256|sha512|md5)$/) {
                found << f
            }
        }
        return found
    }

    /**
     * Whether the Maven that ran makes a consumer POM (Maven 4): it deploys it as the project's POM, and the POM file
     * with classifier build. Call with the script's binding.
     */
    static boolean makesConsumerPom(Binding binding) {
        return (binding.getVariable('mavenVersion') as String).startsWith('4.')
    }

    /**
     * The POMs a project deploys, by their names in the repository: {@code demo-1.0.pom}, and on Maven 4 also
     * {@code demo-1.0-build.pom} (the POM file; demo-1.0.pom is then the consumer POM).
     */
    static List<String> pomNames(Binding binding, String artifactId, String version) {
        List<String> names = ["${artifactId}-${version}.pom".toString()]
        if (makesConsumerPom(binding)) {
            names << "${artifactId}-${version}-build.pom".toString()
        }
        return names
    }

    /**
     * The POM files a project deploys, by their names in the repository: {@code demo-1.0.pom} is {@code pomXml}; on
     * Maven 4 it is the consumer POM (the copy Maven keeps in the project local repository under {@code root}'s
     * target/, its temporary file being gone) and {@code pomXml} is {@code demo-1.0-build.pom}.
     */
    static Map<String, File> pomFiles(Binding binding, File root, File pomXml, String groupId, String artifactId, String version) {
        if (!makesConsumerPom(binding)) {
            return [("${artifactId}-${version}.pom".toString()): pomXml]
        }
        File kept = new File(root, "target/project-local-repo/$groupId/$artifactId/$version/${artifactId}-${version}-consumer.pom")
        return [("${artifactId}-${version}.pom".toString()): kept, ("${artifactId}-${version}-build.pom".toString()): pomXml]
    }

    /** The build.log split into its Maven invocations (each starts with the -V banner "Apache Maven x.y.z"). */
    static List<String> invocations(String log) {
        return log.split(/(?m)^(?=Apache Maven \d)/).findAll { it.startsWith('Apache Maven') }
    }

    /**
     * Writes a zip (jar) for the diff ITs: entries as [name, content (String or byte[]), time in epoch ms], in the
     * given order, each deflated, with the time as given (zip stores it as local time).
     */
    static File zip(File target, List<List> entries) {
        target.parentFile.mkdirs()
        target.withOutputStream { OutputStream out ->
            java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)
            entries.each { List entry ->
                java.util.zip.ZipEntry zipEntry = new java.util.zip.ZipEntry(entry[0] as String)
                zipEntry.setTime(entry.size() > 2 ? entry[2] as long : 1767225600000L)
                zip.putNextEntry(zipEntry)
                zip.write(entry[1] instanceof byte[] ? entry[1] as byte[] : (entry[1] as String).getBytes('UTF-8'))
                zip.closeEntry()
            }
            zip.finish()
        }
        return target
    }

    static byte[] zipBytes(List<List> entries) {
        File file = File.createTempFile('sb-it', '.zip')
        try {
            return zip(file, entries).bytes
        } finally {
            file.delete()
        }
    }

    /** The report.json the diff goal wrote in folder dir. */
    static Map diffReport(File dir) {
        File json = new File(dir, 'report.json')
        assert json.isFile(): "no report.json in $dir"
        assert new File(dir, 'report.txt').isFile() && new File(dir, 'report.html').isFile(): "report.txt or report.html missing in $dir"
        return new groovy.json.JsonSlurper().parse(json) as Map
    }

    /**
     * The outputs of check-findings in dir (target/secure-build/findings): checks that all five are there and parse,
     * that findings.json agrees with the JUnit XML and the two SARIF files, and returns findings.json as a map.
     */
    static Map findingsOutputs(File dir) {
        def names = ['findings.json', 'findings.sarif', 'blocking.sarif', 'TEST-secure-build-findings.xml', 'report.html']
        assert (dir.list() as Set) == (names as Set): "expected exactly $names in $dir, found ${dir.list()}"
        Map findings = new groovy.json.JsonSlurper().parse(new File(dir, 'findings.json')) as Map
        assert findings.keySet().toList().take(2) == ['verdict', 'summary']: 'findings.json starts with verdict and summary'
        assert findings.format == 'secure-build-findings/1'
        Map sarif = new groovy.json.JsonSlurper().parse(new File(dir, 'findings.sarif')) as Map
        Map blocking = new groovy.json.JsonSlurper().parse(new File(dir, 'blocking.sarif')) as Map
        [sarif, blocking].each { log ->
            assert log.version == '2.1.0' && log.runs.size() == 1 && log.runs[0].tool.driver.name == 'secure-build'
            log.runs[0].results.each { result ->
                assert result.ruleId && result.message.text && result.locations[0].physicalLocation.artifactLocation.uri
                assert result.locations[0].physicalLocation.region.startLine >= 1
            }
        }
        assert sarif.runs[0].results.size() == findings.summary.merged
        assert blocking.runs[0].results.size() == findings.summary.blocking
        assert blocking.runs[0].results.every { !it.suppressions }: 'GitHub ignores suppressions: blocking.sarif has none'
        def junit = new groovy.xml.XmlSlurper().parse(new File(dir, 'TEST-secure-build-findings.xml'))
        int failures = junit.'**'.findAll { it.name() == 'failure' }.size()
        assert failures >= findings.summary.blocking
        String html = new File(dir, 'report.html').getText('UTF-8')
        assert html.contains(findings.verdict == 'pass' ? 'PASS' : 'FAIL')
        assert !(html =~ /(?i)<(script|link|img)[^>]+(src|href)=["']https?:/): 'report.html loads nothing from the network'
        return findings
    }

    /** The lines the verify-signatures goal printed, keyed by file name: [name: status]. */
    static Map<String, String> verificationLines(String log) {
        Map<String, String> lines = [:]
        (log =~ /(?m)^\[(?:INFO|ERROR)\] (OK|BAD|MISSING|UNTRUSTED KEY)\s+(\S+): /).each { all, status, name ->
            lines[name] = status
        }
        return lines
    }
}

return ItSupport
