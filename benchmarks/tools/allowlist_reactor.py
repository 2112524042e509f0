#!/usr/bin/env python3
"""Writes the reactor that benchmarks/allowlist.sh times: a parent POM with 50 modules whose dependencies, from Maven
Central, give each module about 300 nodes in its resolved graph, and one allow-list written twice: as the YAML that
approvedDependencies reads and as the bannedDependencies rule of maven-enforcer-plugin that says the same.

Usage: allowlist_reactor.py --out DIR [--modules 50] [--rules-version 0.1.0-SNAPSHOT] [--enforcer 3.5.0]

Every module shares a core that a Spring Boot service on AWS would have (web, JPA with Hibernate, security,
actuator, the AWS SDK, Testcontainers...) and adds three or four extras chosen by its number from a pool, so the
graphs overlap as in a real reactor without being one graph 50 times. Versions are pinned: the same graph every run.

The parent holds four profiles: `baseline` (the enforcer with a trivial rule), `banned`
(bannedDependencies), `approved` (approvedDependencies; -Dbench.readLicenses=false for the variant without licenses),
and `locked` (requireLockedDependencies against secure-build.lock.json at the top, for benchmarks/lock.sh;
-Dbench.checkAllPlugins=true for the variant that checks the dependencies of every plugin, not only of those run).
Every profile declares the rules artifact as a plugin dependency, so the plugin's realm is the same in all cases.
"""
import argparse
import json
import os
from xml.sax.saxutils import escape

BOOT = "3.3.5"
AWS = "2.28.29"

# (groupId, artifactId, version or None when the imported BOMs manage it, scope or None)
CORE = [
    ("org.springframework.boot", "spring-boot-starter-web", None, None),
    ("org.springframework.boot", "spring-boot-starter-data-jpa", None, None),
    ("org.springframework.boot", "spring-boot-starter-actuator", None, None),
    ("org.springframework.boot", "spring-boot-starter-validation", None, None),
    ("org.springframework.boot", "spring-boot-starter-security", None, None),
    ("io.micrometer", "micrometer-registry-prometheus", None, None),
    ("org.postgresql", "postgresql", None, "runtime"),
    ("org.flywaydb", "flyway-core", None, None),
    ("com.google.guava", "guava", "33.3.1-jre", None),
    ("org.apache.commons", "commons-lang3", None, None),
    ("org.apache.commons", "commons-text", "1.12.0", None),
    ("commons-io", "commons-io", "2.17.0", None),
    ("software.amazon.awssdk", "s3", None, None),
    ("software.amazon.awssdk", "sqs", None, None),
    ("org.springframework.boot", "spring-boot-starter-oauth2-resource-server", None, None),
    ("io.github.resilience4j", "resilience4j-spring-boot3", "2.2.0", None),
    ("org.springdoc", "springdoc-openapi-starter-webmvc-ui", "2.6.0", None),
    ("io.opentelemetry", "opentelemetry-sdk", None, None),
    ("io.opentelemetry", "opentelemetry-exporter-otlp", None, None),
    ("org.springframework.kafka", "spring-kafka", None, None),
    ("org.springframework.boot", "spring-boot-starter-webflux", None, None),
    ("org.apache.poi", "poi-ooxml", "5.3.0", None),
    ("org.springframework.boot", "spring-boot-starter-amqp", None, None),
    ("org.apache.kafka", "kafka-streams", None, None),
    ("io.grpc", "grpc-netty-shaded", "1.66.0", None),
    ("io.grpc", "grpc-protobuf", "1.66.0", None),
    ("io.grpc", "grpc-stub", "1.66.0", None),
    ("org.springframework.boot", "spring-boot-starter-data-redis", None, None),
    ("org.springframework.boot", "spring-boot-starter-mail", None, None),
    ("org.springframework.boot", "spring-boot-starter-test", None, "test"),
    ("org.testcontainers", "postgresql", None, "test"),
    ("org.testcontainers", "junit-jupiter", None, "test"),
]

# Each a small set of dependencies a team adds for one need.
EXTRAS = [
    [("io.projectreactor.kafka", "reactor-kafka", None, None)],
    [("com.azure", "azure-storage-blob", "12.28.1", None)],
    [("software.amazon.awssdk", "lambda", None, None), ("software.amazon.awssdk", "sts", None, None)],
    [("org.apache.poi", "poi-scratchpad", "5.3.0", None)],
    [("org.springframework.boot", "spring-boot-starter-cache", None, None),
     ("com.github.ben-manes.caffeine", "caffeine", None, None)],
    [("software.amazon.awssdk", "dynamodb-enhanced", None, None)],
    [("software.amazon.awssdk", "sns", None, None), ("software.amazon.awssdk", "secretsmanager", None, None)],
    [("software.amazon.awssdk", "kinesis", None, None)],
    [("org.apache.pdfbox", "pdfbox", "3.0.3", None)],
    [("org.mapstruct", "mapstruct", "1.6.2", None), ("org.jsoup", "jsoup", "1.18.1", None)],
    [("org.bouncycastle", "bcpkix-jdk18on", "1.78.1", None), ("com.nimbusds", "nimbus-jose-jwt", "9.41.2", None)],
    [("net.logstash.logback", "logstash-logback-encoder", "8.0", None)],
    [("commons-collections", "commons-collections", "3.2.2", None), ("commons-beanutils", "commons-beanutils", "1.9.4", None)],
    [("org.testcontainers", "kafka", None, "test"), ("org.awaitility", "awaitility", None, "test")],
]

# The allow-list, once: (groupId, artifactId, versions or None, scopes or None, reason). The shape of an organization's
# list: a few wide groupId patterns for the big vendors, ranges on the majors it has vetted, narrower entries for
# single libraries, test-only approvals, and the build plugins (approvedDependencies checks plugins too).
APPROVED = [
    ("org.springframework*", "*", "[6.0,7.0)", None, "Spring Framework 6"),
    ("org.springframework.boot", "*", "[3.2,3.4)", None, "Spring Boot 3.2 and 3.3, the supported lines"),
    ("org.springframework.data", "*", "[3.2,4.0)", None, "Spring Data 2024.x"),
    ("org.springframework.security", "*", "[6.2,7.0)", None, "Spring Security 6"),
    ("org.springframework.kafka", "*", "[3.1,4.0)", None, "Spring for Apache Kafka 3"),
    ("org.springframework.amqp", "*", "[3.1,4.0)", None, "Spring AMQP 3"),
    ("org.springframework.retry", "spring-retry", None, None, "retries for Spring AMQP and Kafka"),
    ("org.springdoc", "springdoc-openapi-*", "[2.5,3.0)", None, "OpenAPI documentation"),
    ("org.webjars", "swagger-ui", None, None, "the Swagger UI page"),
    ("io.swagger.core.v3", "*", "[2.2,3.0)", None, "OpenAPI model"),
    ("software.amazon.awssdk*", "*", "[2.25,3.0)", None, "AWS SDK for Java 2"),
    ("software.amazon.eventstream", "eventstream", None, None, "AWS SDK streaming"),
    ("software.amazon.awssdk.crt", "*", None, None, "AWS common runtime"),
    ("org.hibernate*", "*", "[6.4,7.0)", None, "Hibernate ORM 6 and Validator 8"),
    ("org.hibernate.validator", "*", "[8.0,9.0)", None, "Hibernate Validator 8"),
    ("org.hibernate.common", "hibernate-commons-annotations", None, None, "Hibernate ORM"),
    ("jakarta.*", "*", None, None, "Jakarta EE APIs"),
    ("com.fasterxml*", "*", None, None, "Jackson and its helpers"),
    ("com.fasterxml.jackson*", "*", "[2.15,3.0)", None, "Jackson 2.15 and later"),
    ("io.micrometer", "*", "[1.12,2.0)", None, "metrics and tracing"),
    ("io.netty", "*", "[4.1.100.Final,4.2)", None, "Netty 4.1, after CVE-2023-44487"),
    ("io.netty", "netty-tcnative*", "[2.0.61.Final,3.0)", None, "Netty's BoringSSL binding"),
    ("io.projectreactor*", "*", None, None, "Reactor"),
    ("org.apache.tomcat.embed", "*", "[10.1.25,11.0)", None, "embedded Tomcat 10.1, patched"),
    ("org.apache.logging.log4j", "log4j-api", "[2.17.1,3.0)", None, "the Log4j API (the Spring Boot bridge)"),
    ("org.apache.logging.log4j", "log4j-to-slf4j", "[2.17.1,3.0)", None, "the Log4j bridge to SLF4J"),
    ("org.apache.logging.log4j", "log4j-core", "[2.17.1,3.0)", None, "Log4j 2 after Log4Shell, for POI"),
    ("ch.qos.logback", "*", "[1.4.14,2.0)", None, "Logback"),
    ("org.slf4j", "*", "[2.0,3.0)", None, "SLF4J 2"),
    ("net.logstash.logback", "logstash-logback-encoder", "[7.4,9.0)", None, "JSON logs"),
    ("org.yaml", "snakeyaml", "[2.0,3.0)", None, "SnakeYAML 2 (SnakeYAML 1 had CVE-2022-1471)"),
    ("org.apache.commons", "commons-*", None, None, "Apache Commons"),
    ("commons-io", "commons-io", "[2.14,3.0)", None, "Commons IO"),
    ("commons-codec", "commons-codec", None, None, "Commons Codec"),
    ("commons-logging", "commons-logging", None, None, "Commons Logging"),
    ("commons-collections", "commons-collections", "[3.2.2,4.0)", None, "legacy collections, patched"),
    ("commons-beanutils", "commons-beanutils", "[1.9.4,2.0)", None, "legacy bean utilities, patched"),
    ("com.google.guava", "*", None, None, "Guava"),
    ("com.google.errorprone", "error_prone_annotations", None, None, "annotations of Guava"),
    ("com.google.j2objc", "j2objc-annotations", None, None, "annotations of Guava"),
    ("com.google.code.findbugs", "jsr305", None, None, "annotations"),
    ("com.google.code.gson", "gson", "[2.8.9,3.0)", None, "Gson, after CVE-2022-25647"),
    ("com.google.protobuf", "protobuf-java*", "[3.25,5.0)", None, "Protocol Buffers"),
    ("com.google.api.grpc", "proto-google-common-protos", None, None, "gRPC"),
    ("com.google.android", "annotations", None, None, "annotations of gRPC"),
    ("org.codehaus.mojo", "animal-sniffer-annotations", None, None, "annotations of gRPC"),
    ("io.grpc", "*", "[1.60,2.0)", None, "gRPC"),
    ("io.perfmark", "perfmark-api", None, None, "gRPC"),
    ("com.azure", "*", None, None, "Azure SDK for Java"),
    ("org.checkerframework", "checker-qual", None, None, "annotations of Guava and PostgreSQL"),
    ("org.jspecify", "jspecify", None, None, "annotations"),
    ("org.postgresql", "postgresql", "[42.7.2,43.0)", ["runtime", "test"], "PostgreSQL driver, after CVE-2024-1597"),
    ("org.flywaydb", "*", "[10.0,11.0)", None, "schema migrations"),
    ("com.zaxxer", "HikariCP", None, None, "connection pool"),
    ("org.antlr", "antlr4-runtime", None, None, "ANTLR runtime (Hibernate)"),
    ("net.bytebuddy", "*", None, None, "Byte Buddy (Hibernate, Mockito)"),
    ("org.jboss.logging", "jboss-logging", None, None, "JBoss Logging (Hibernate)"),
    ("io.smallrye", "jandex", None, None, "Jandex (Hibernate)"),
    ("com.sun.istack", "istack-commons-runtime", None, None, "JAXB runtime"),
    ("com.sun.activation", "jakarta.activation", None, None, "Jakarta Activation"),
    ("org.glassfish.jaxb", "*", None, None, "JAXB runtime"),
    ("org.eclipse.angus", "*", None, None, "Jakarta Mail implementation"),
    ("org.aspectj", "aspectjweaver", None, None, "AspectJ weaver (Spring Data JPA)"),
    ("org.latencyutils", "LatencyUtils", None, None, "metrics"),
    ("org.hdrhistogram", "HdrHistogram", None, None, "metrics"),
    ("io.prometheus", "*", "[1.0,2.0)", None, "Prometheus client 1.x"),
    ("org.reactivestreams", "reactive-streams", None, None, "Reactive Streams API"),
    ("org.apache.httpcomponents*", "*", None, None, "Apache HttpClient"),
    ("org.apache.kafka", "kafka-*", "[3.6,4.0)", None, "Kafka client and Streams"),
    ("org.rocksdb", "rocksdbjni", None, None, "RocksDB (Kafka Streams)"),
    ("com.github.luben", "zstd-jni", None, None, "Kafka compression"),
    ("org.lz4", "lz4-java", None, None, "Kafka compression"),
    ("org.xerial.snappy", "snappy-java", "[1.1.10.4,2.0)", None, "Kafka compression, patched"),
    ("com.rabbitmq", "amqp-client", "[5.18,6.0)", None, "RabbitMQ client"),
    ("io.lettuce", "lettuce-core", None, None, "Redis client"),
    ("com.nimbusds", "*", None, None, "JOSE and OAuth"),
    ("net.minidev", "*", None, None, "JSON smart (Nimbus)"),
    ("com.github.stephenc.jcip", "jcip-annotations", None, None, "annotations"),
    ("org.ow2.asm", "asm", None, None, "ASM (json-smart)"),
    ("com.github.ben-manes.caffeine", "caffeine", "[3.1,4.0)", None, "cache"),
    ("org.apache.poi", "*", "[5.2.5,6.0)", None, "Office documents"),
    ("org.apache.xmlbeans", "xmlbeans", None, None, "POI"),
    ("com.github.virtuald", "curvesapi", None, None, "POI"),
    ("com.zaxxer", "SparseBitSet", None, None, "POI"),
    ("org.apache.pdfbox", "*", "[3.0,4.0)", None, "PDF"),
    ("io.github.resilience4j", "*", "[2.1,3.0)", None, "circuit breakers"),
    ("io.vavr", "*", None, None, "Vavr (resilience4j)"),
    ("org.mapstruct", "mapstruct", None, None, "bean mapping"),
    ("org.jsoup", "jsoup", "[1.15.3,2.0)", None, "HTML parsing, after CVE-2022-36033"),
    ("org.bouncycastle", "*-jdk18on", "[1.78,2.0)", None, "BouncyCastle"),
    ("io.opentelemetry*", "*", None, None, "OpenTelemetry"),
    ("com.squareup.okhttp3", "*", None, None, "OkHttp (OTLP exporter)"),
    ("com.squareup.okio", "*", None, None, "Okio (OkHttp)"),
    ("org.jetbrains.kotlin", "kotlin-stdlib*", None, None, "Kotlin runtime (OkHttp)"),
    ("org.jetbrains", "annotations", None, None, "annotations"),
    ("org.junit*", "*", None, ["test"], "JUnit 5"),
    ("org.assertj", "assertj-core", None, ["test"], "assertions"),
    ("org.mockito", "*", None, ["test"], "mocks"),
    ("org.hamcrest", "hamcrest*", None, ["test"], "matchers"),
    ("org.skyscreamer", "jsonassert", None, ["test"], "JSON assertions"),
    ("com.vaadin.external.google", "android-json", None, ["test"], "JSON (jsonassert)"),
    ("com.jayway.jsonpath", "json-path", None, ["test"], "JSON path"),
    ("org.xmlunit", "xmlunit-core", None, ["test"], "XML assertions"),
    ("org.objenesis", "objenesis", None, ["test"], "Mockito"),
    ("org.opentest4j", "opentest4j", None, ["test"], "JUnit"),
    ("org.apiguardian", "apiguardian-api", None, ["test"], "JUnit"),
    ("org.awaitility", "awaitility", None, ["test"], "asynchronous assertions"),
    ("org.testcontainers", "*", "[1.19,2.0)", ["test"], "Testcontainers"),
    ("com.github.docker-java", "*", None, ["test"], "Docker client (Testcontainers)"),
    ("net.java.dev.jna", "*", None, ["test"], "JNA (Testcontainers)"),
    ("org.rnorth.duct-tape", "duct-tape", None, ["test"], "Testcontainers"),
    ("junit", "junit", "[4.13.2,5.0)", ["test"], "JUnit 4 (Testcontainers)"),
    # Build plugins and what is declared on them: approvedDependencies checks them, bannedDependencies cannot.
    ("org.apache.maven.plugins", "*", None, None, "Maven's own plugins"),
    ("dev.securebuild", "secure-build-enforcer-rules", None, None, "our rules"),
]

# (groupId, artifactId, versions or None, licenses or None, reason, replacement or None)
DENIED = [
    ("commons-collections", "commons-collections", "(,3.2.2)", None, "deserialization gadget chain (CVE-2015-7501)",
     "org.apache.commons:commons-collections4"),
    ("org.apache.logging.log4j", "log4j-core", "(,2.17.1)", None, "Log4Shell (CVE-2021-44228 and followers)", None),
    ("log4j", "log4j", None, None, "Log4j 1 is end of life", "org.apache.logging.log4j:log4j-core"),
    ("org.bouncycastle", "*-jdk15on", None, None, "the jdk15on line is no longer maintained", "org.bouncycastle:*-jdk18on"),
    ("org.yaml", "snakeyaml", "(,2.0)", None, "unsafe constructor by default (CVE-2022-1471)", None),
    ("*", "*", None, ["AGPL-3.0-only", "AGPL-3.0-or-later"], "AGPL code is not shipped", None),
]


def dependency_xml(group, artifact, version, scope, indent):
    pad = " " * indent
    lines = [f"{pad}<dependency>", f"{pad}  <groupId>{group}</groupId>", f"{pad}  <artifactId>{artifact}</artifactId>"]
    if version:
        lines.append(f"{pad}  <version>{version}</version>")
    if scope:
        lines.append(f"{pad}  <scope>{scope}</scope>")
    lines.append(f"{pad}</dependency>")
    return "\n".join(lines)


def bom(group, artifact, version):
    """An imported BOM in the parent's dependencyManagement."""
    return (f"      <dependency>\n        <groupId>{group}</groupId>\n        <artifactId>{artifact}</artifactId>\n"
            f"        <version>{version}</version>\n        <type>pom</type>\n        <scope>import</scope>\n      </dependency>")


def extras_of(index):
    """Three or four extra sets for module `index`, spread so that every set is used and no two modules agree."""
    count = 3 + index % 2
    step = 3 + index // len(EXTRAS)
    return [EXTRAS[(index + k * step) % len(EXTRAS)] for k in range(count)]


def module_pom(name, index):
    deps = list(CORE)
    seen = {(g, a) for g, a, _, _ in deps}
    for extra in extras_of(index):
        for dep in extra:
            if (dep[0], dep[1]) not in seen:
                seen.add((dep[0], dep[1]))
                deps.append(dep)
    body = "\n".join(dependency_xml(*dep, indent=4) for dep in deps)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <!-- Written by benchmarks/tools/allowlist_reactor.py. -->
  <parent>
    <groupId>dev.securebuild.benchmarks</groupId>
    <artifactId>allowlist-reactor</artifactId>
    <version>1.0</version>
  </parent>
  <artifactId>{name}</artifactId>
  <dependencies>
{body}
  </dependencies>
</project>
"""


def yaml_string(value):
    return json.dumps(value)  # a JSON string is a valid YAML flow scalar


def allowlist_yaml():
    out = ["# Written by benchmarks/tools/allowlist_reactor.py: the organization's list for the benchmark reactor.",
           "version: 1", "layer: organization", "", "approved:"]
    for line, (group, artifact, versions, scopes, reason) in enumerate(APPROVED):
        out += [f"  - groupId: {yaml_string(group)}", f"    artifactId: {yaml_string(artifact)}"]
        if versions:
            out.append(f"    versions: {yaml_string(versions)}")
        if scopes:
            out.append(f"    scopes: [{', '.join(scopes)}]")
        out += [f"    reason: {yaml_string(reason)}", "    owner: platform-team@example.com",
                f"    ticket: ARCH-{100 + line}", "    approvedOn: 2026-01-15"]
    out += ["", "denied:"]
    for group, artifact, versions, licenses, reason, replacement in DENIED:
        out += [f"  - groupId: {yaml_string(group)}", f"    artifactId: {yaml_string(artifact)}"]
        if versions:
            out.append(f"    versions: {yaml_string(versions)}")
        if licenses:
            out.append(f"    licenses: [{', '.join(licenses)}]")
        out.append(f"    reason: {yaml_string(reason)}")
        if replacement:
            out.append(f"    replacement: {yaml_string(replacement)}")
    return "\n".join(out) + "\n"


def banned_xml(indent):
    """The same list as bannedDependencies: everything excluded, each approval an include (with its range and scope),
    each denial an exclude. Licenses cannot be said there: the AGPL denial has no counterpart (nothing here is AGPL)."""
    pad = " " * indent
    out = [f"{pad}<bannedDependencies>", f"{pad}  <excludes>", f"{pad}    <exclude>*</exclude>"]
    for group, artifact, versions, licenses, _, _ in DENIED:
        if not licenses:
            out.append(f"{pad}    <exclude>{escape(group)}:{escape(artifact)}:{escape(versions or '*')}</exclude>")
    out += [f"{pad}  </excludes>", f"{pad}  <includes>"]
    for group, artifact, versions, scopes, _ in APPROVED:
        if group == "org.apache.maven.plugins" or group == "dev.securebuild":
            continue  # plugins: bannedDependencies does not look at them
        for scope in scopes or [None]:
            parts = [group, artifact, versions or "*"] + (["*", scope] if scope else [])
            out.append(f"{pad}    <include>{escape(':'.join(parts))}</include>")
    out += [f"{pad}  </includes>", f"{pad}</bannedDependencies>"]
    return "\n".join(out)


def profile(profile_id, rules, rules_version, enforcer):
    return f"""    <profile>
      <id>{profile_id}</id>
      <build>
        <plugins>
          <plugin>
            <artifactId>maven-enforcer-plugin</artifactId>
            <version>{enforcer}</version>
            <dependencies>
              <dependency>
                <groupId>dev.securebuild</groupId>
                <artifactId>secure-build-enforcer-rules</artifactId>
                <version>{rules_version}</version>
              </dependency>
            </dependencies>
            <executions>
              <execution>
                <id>bench</id>
                <goals>
                  <goal>enforce</goal>
                </goals>
                <configuration>
                  <rules>
{rules}
                  </rules>
                </configuration>
              </execution>
            </executions>
          </plugin>
        </plugins>
      </build>
    </profile>"""


def parent_pom(modules, rules_version, enforcer):
    module_lines = "\n".join(f"    <module>{m}</module>" for m in modules)
    pad = " " * 20
    baseline = f"{pad}<alwaysPass/>"
    approved = (f"{pad}<approvedDependencies>\n{pad}  <lists>\n{pad}    <list>${{maven.multiModuleProjectDirectory}}/allowlist.yaml</list>\n"
                f"{pad}  </lists>\n{pad}  <readLicenses>${{bench.readLicenses}}</readLicenses>\n{pad}</approvedDependencies>")
    # The lock at the top of the reactor (benchmarks/lock.sh); -Dbench.checkAllPlugins=true: every plugin's dependencies.
    locked = (f"{pad}<requireLockedDependencies>\n{pad}  <checkAllPlugins>${{bench.checkAllPlugins}}</checkAllPlugins>\n"
              f"{pad}</requireLockedDependencies>")
    profiles = "\n".join([profile("baseline", baseline, rules_version, enforcer),
                          profile("banned", banned_xml(20), rules_version, enforcer),
                          profile("approved", approved, rules_version, enforcer),
                          profile("locked", locked, rules_version, enforcer)])
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <!-- Written by benchmarks/tools/allowlist_reactor.py: {len(modules)} modules, each with about 300 nodes in its
       dependency graph; run with -Pbaseline, -Pbanned, -Papproved (-Dbench.readLicenses=false) or -Plocked. -->
  <groupId>dev.securebuild.benchmarks</groupId>
  <artifactId>allowlist-reactor</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>

  <modules>
{module_lines}
  </modules>

  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <bench.readLicenses>true</bench.readLicenses>
    <bench.checkAllPlugins>false</bench.checkAllPlugins>
  </properties>

  <dependencyManagement>
    <dependencies>
{bom("org.springframework.boot", "spring-boot-dependencies", BOOT)}
{bom("software.amazon.awssdk", "bom", AWS)}
    </dependencies>
  </dependencyManagement>

  <profiles>
{profiles}
  </profiles>
</project>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--rules-version", default="0.1.0-SNAPSHOT")
    parser.add_argument("--enforcer", default="3.5.0")
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, ".mvn"), exist_ok=True)  # marks the top: maven.multiModuleProjectDirectory
    modules = [f"module-{i:02d}" for i in range(1, args.modules + 1)]
    for index, name in enumerate(modules):
        os.makedirs(os.path.join(args.out, name), exist_ok=True)
        with open(os.path.join(args.out, name, "pom.xml"), "w") as f:
            f.write(module_pom(name, index))
    with open(os.path.join(args.out, "pom.xml"), "w") as f:
        f.write(parent_pom(modules, args.rules_version, args.enforcer))
    with open(os.path.join(args.out, "allowlist.yaml"), "w") as f:
        f.write(allowlist_yaml())
    extras = [[f"{g}:{a}" for extra in extras_of(i) for g, a, _, _ in extra] for i in range(len(modules))]
    with open(os.path.join(args.out, "reactor.json"), "w") as f:
        json.dump({"modules": len(modules), "boot": BOOT, "aws": AWS, "core": len(CORE), "extras_pool": len(EXTRAS),
                   "distinct_sets": len({tuple(sorted(e)) for e in extras}), "approved_entries": len(APPROVED),
                   "ranged_entries": sum(1 for e in APPROVED if e[2]), "test_entries": sum(1 for e in APPROVED if e[3] == ["test"]),
                   "denied_entries": len(DENIED), "extras": extras}, f, indent=1)


if __name__ == "__main__":
    main()
