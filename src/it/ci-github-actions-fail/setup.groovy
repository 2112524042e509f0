import com.sun.net.httpserver.HttpServer

// A webhook on this machine that records what it receives: every notification of the build, in received.jsonl.
File received = new File(basedir, 'target/notifications/received.jsonl')
received.parentFile.mkdirs()
received.text = ''
HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
server.createContext('/') { exchange ->
    String body = exchange.requestBody.getText('UTF-8')
    synchronized (received) {
        received << groovy.json.JsonOutput.toJson([path: exchange.requestURI.path, type: exchange.requestHeaders.getFirst('Content-Type'),
                                                  body: body]) + '\n'
    }
    exchange.sendResponseHeaders(200, -1)
    exchange.close()
}
server.start()
// verify.groovy stops it (same JVM: the holder is a system property keyed by this folder).
System.properties.put('it.webhook.' + basedir.canonicalPath, server)
// The URL is a -D in .mvn/maven.config, as a CI job would pass a secret; its path stands for the webhook's token.
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dsecure-build.notify.url=http://127.0.0.1:${server.address.port}/hooks/T0/B0/tok3nInThePath\n"
return true
