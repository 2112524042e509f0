package dev.securebuild.provenance.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.signer.Signer;
import dev.securebuild.shared.signer.pgp.KeyGenerator;
import dev.securebuild.shared.signer.pgp.PublicKeys;
import dev.securebuild.shared.signer.pgp.TestKeys;

class DeployedSignaturesTest {

    @TempDir
    Path folder;

    private final Map<String, Path> deployed = new LinkedHashMap<>();

    private void deploy(String name, String content, Signer signer) throws Exception {
        Path file = Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        deployed.put(name, file);
        if (signer != null) {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            sha512.update(Files.readAllBytes(file));
            deployed.put(name + ".asc", Files.write(folder.resolve(name + ".asc"), signer.sign(sha512)));
        }
    }

    @Test
    void onlySignaturesByTheRecordsKeyCount() throws Exception {
        KeyGenerator.GeneratedKey organization = TestKeys.ed25519();
        Signer ours = LedgerTest.signer(organization);
        Signer someoneElse = LedgerTest.signer(TestKeys.rsa());
        deploy("app-1.0.jar", "the jar", ours);
        deploy("app-1.0.pom", "<project/>", someoneElse);
        deploy("app-1.0-sources.jar", "the sources", null);
        deploy("app-1.0-javadoc.jar", "the javadoc", ours);
        // The javadoc changed after it was signed.
        Files.writeString(deployed.get("app-1.0-javadoc.jar"), "other javadoc", StandardCharsets.UTF_8);

        DeployedSignatures.Check check = DeployedSignatures.check(deployed,
                List.of("app-1.0.jar", "app-1.0.pom", "app-1.0-sources.jar", "app-1.0-javadoc.jar"),
                PublicKeys.parse(organization.armoredPublicKey(), "the organization's key"));

        assertEquals(List.of("app-1.0.jar"), check.signed());
        assertEquals(2, check.problems().size(), check.problems().toString());
        assertTrue(check.problems().get(0).startsWith("app-1.0.pom.asc: made by key " + someoneElse.fingerprint()), check.problems().get(0));
        assertTrue(check.problems().get(1).startsWith("app-1.0-javadoc.jar.asc: does not match the file"), check.problems().get(1));
    }

    @Test
    void aSignatureFileWithTheRecordsSignatureAndAnotherKeysDoesNotCount() throws Exception {
        KeyGenerator.GeneratedKey organization = TestKeys.ed25519();
        deploy("app-1.0.jar", "the jar", LedgerTest.signer(organization));
        byte[] ours = Files.readAllBytes(deployed.get("app-1.0.jar.asc"));
        deploy("app-1.0.jar", "the jar", LedgerTest.signer(TestKeys.rsa()));
        byte[] theirs = Files.readAllBytes(deployed.get("app-1.0.jar.asc"));
        // Two armored blocks in one file: the record's key's signature, then another key's.
        Files.write(deployed.get("app-1.0.jar.asc"), (new String(ours, StandardCharsets.US_ASCII) + new String(theirs, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII));

        DeployedSignatures.Check check = DeployedSignatures.check(deployed, List.of("app-1.0.jar"),
                PublicKeys.parse(organization.armoredPublicKey(), "the organization's key"));

        assertEquals(List.of(), check.signed());
        assertTrue(check.problems().get(0).startsWith("app-1.0.jar.asc: holds 2 signatures and every one must verify"), check.problems().toString());
    }
}
