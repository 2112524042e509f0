import com.sun.net.httpserver.HttpServer
import java.security.MessageDigest

// A repository on this machine that serves it.hostile:payload:1.0 with correct .sha1 files (Maven's own download check
// passes), and answers every .sha256 and .sha512 with 64 MB. It counts what it managed to send.
byte[] pom = '''<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>it.hostile</groupId><artifactId>payload</artifactId><version>1.0</version></project>
'''.getBytes('UTF-8')
byte[] jar = 'not really a jar, never opened'.getBytes('UTF-8')
Map<String, byte[]> files = [:]
String base = '/it/hostile/payload/1.0/payload-1.0'
files[base + '.pom'] = pom
files[base + '.jar'] = jar
files[base + '.pom.sha1'] = MessageDigest.getInstance('SHA-1').digest(pom).encodeHex().toString().getBytes('UTF-8')
files[base + '.jar.sha1'] = MessageDigest.getInstance('SHA-1').digest(jar).encodeHex().toString().getBytes('UTF-8')
long flood = 64L * 1024 * 1024
def sent = new java.util.concurrent.atomic.AtomicLong()
def floods = new java.util.concurrent.atomic.AtomicInteger()
HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
server.executor = java.util.concurrent.Executors.newCachedThreadPool()
server.createContext('/') { exchange ->
    String path = exchange.requestURI.path
    try {
        if (exchange.requestMethod == 'GET' && (path.endsWith('.sha256') || path.endsWith('.sha512')) && path.startsWith(base)) {
            floods.incrementAndGet()
            exchange.sendResponseHeaders(200, flood)
            byte[] chunk = ('a' * 65536).getBytes('UTF-8')
            OutputStream out = exchange.responseBody
            for (long written = 0; written < flood; written += chunk.length) {
                out.write(chunk)
                sent.addAndGet(chunk.length)
            }
        } else if (files.containsKey(path)) {
            byte[] body = files[path]
            exchange.sendResponseHeaders(200, exchange.requestMethod == 'HEAD' ? -1 : body.length)
            if (exchange.requestMethod != 'HEAD') {
                exchange.responseBody.write(body)
            }
        } else {
            exchange.sendResponseHeaders(404, -1)
        }
    } catch (IOException closedByTheClient) {
        // the build stopped reading: what the bound is for
    } finally {
        exchange.close()
    }
}
server.start()
// verify.groovy stops it (same JVM: the holder is a system property keyed by this folder).
System.properties.put('it.hostile.' + basedir.canonicalPath, [server: server, sent: sent, floods: floods])
File pomFile = new File(basedir, 'pom.xml')
pomFile.text = pomFile.text.replace('HOSTILE_PORT', String.valueOf(server.address.port))
// A run before this one left the payload in the tests' shared local repository: fetched afresh each time.
new File(localRepositoryPath as String, 'it/hostile').deleteDir()
return true
