package dev.securebuild.shared.signer.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;

/**
 * A SoftHSM2 token for the tests, made once per test JVM: SoftHSM2 reads {@code SOFTHSM2_CONF} when the module is
 * initialized, and a module is initialized once per process, so the surefire configuration points that variable at
 * {@code target/softhsm/softhsm2.conf} and this fixture writes it, with a fresh token directory, before any test loads
 * the module. The token holds an RSA 2048 key, an ECDSA P-256 key (both made by pkcs11-tool on the token) and an RSA key
 * whose CKA_SIGN is false. Skipped, and said so, where softhsm2 or pkcs11-tool is missing; a failure when CI=true.
 */
public final class SoftHsm {

    public static final String TOKEN = "secure-build-test";
    public static final String PIN = "4711-test-pin";
    public static final String SO_PIN = "0815-so-pin";
    public static final String RSA_KEY = "release-rsa";
    public static final String EC_KEY = "release-ec";
    /** RSA keys of the other sizes the issue names: the same mechanism, a longer modulus. */
    public static final String RSA_3072_KEY = "release-rsa-3072";
    public static final String RSA_4096_KEY = "release-rsa-4096";
    public static final String NO_SIGN_KEY = "decrypt-only";
    /** A key that wants the PIN for every signature (CKA_ALWAYS_AUTHENTICATE), as some smart cards' signing keys do. */
    public static final String ALWAYS_AUTHENTICATE_KEY = "pin-per-signature";

    private static SoftHsm instance;
    private static String unavailable;

    private final String module;

    private SoftHsm(String module) {
        this.module = module;
    }

    /** The token, made on first use; skips the calling test when SoftHSM2 is not installed (fails it when CI=true). */
    public static synchronized SoftHsm token() {
        if (instance == null && unavailable == null) {
            try {
                instance = create();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("Cannot set up the SoftHSM2 token: " + e.getMessage(), e);
            }
        }
        if (instance == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and " + unavailable + ": .ci/run installs softhsm2 and opensc");
            }
            Assumptions.assumeTrue(false, unavailable + ": the PKCS#11 signer is not tested");
        }
        return instance;
    }

    public String module() {
        return module;
    }

    public static String findModule() {
        for (String candidate : List.of("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so",
                "/opt/homebrew/lib/softhsm/libsofthsm2.so")) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static SoftHsm create() throws IOException, InterruptedException {
        String module = findModule();
        if (module == null || !onPath("softhsm2-util") || !onPath("pkcs11-tool")) {
            unavailable = "SoftHSM2 (Debian softhsm2) or pkcs11-tool (Debian opensc) is not installed";
            return null;
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            unavailable = "SOFTHSM2_CONF is not set (the surefire configuration sets it; run the tests with Maven)";
            return null;
        }
        Path confFile = Path.of(conf);
        Files.createDirectories(confFile.getParent());
        Path tokens = Files.createTempDirectory(confFile.getParent(), "tokens-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(tokens)));
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.UTF_8);
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", SO_PIN));
        // A second token, so that choosing by label is tested among several.
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", "other-token", "--pin", "1234", "--so-pin", "5678"));
        SoftHsm hsm = new SoftHsm(module);
        hsm.generate("rsa:2048", RSA_KEY, "01");
        hsm.generate("EC:prime256v1", EC_KEY, "02");
        hsm.generate("rsa:3072", RSA_3072_KEY, "04");
        hsm.generate("rsa:4096", RSA_4096_KEY, "05");
        hsm.generate("rsa:2048", NO_SIGN_KEY, "03");
        hsm.forbidSigning(NO_SIGN_KEY);
        // SoftHSM2 takes CKA_ALWAYS_AUTHENTICATE only when the key is made.
        hsm.generate("EC:prime256v1", ALWAYS_AUTHENTICATE_KEY, "06", "--always-auth");
        return hsm;
    }

    private void generate(String type, String label, String id, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", module, "--token-label", TOKEN, "--login", "--pin", PIN,
                "--keypairgen", "--key-type", type, "--label", label, "--id", id));
        command.addAll(List.of(options));
        run(command);
    }

    /** The slot that holds the token of that label (SoftHSM2 numbers its slots at random). */
    public long slot(String tokenLabel) throws IOException {
        try {
            for (Slot slot : cryptoki().getSlotList(true)) {
                if (slot.getToken().getTokenInfo().getLabel().trim().equals(tokenLabel)) {
                    return slot.getSlotID();
                }
            }
            throw new IOException("No token labelled " + tokenLabel);
        } catch (PKCS11Exception e) {
            throw new IOException("Cannot list the slots: " + e.getErrorName(), e);
        }
    }

    /** The module as the signer loads it (once per JVM), so that the fixture and the tests share it. */
    private PKCS11Module cryptoki() throws IOException {
        try {
            return Pkcs11Modules.load(Path.of(module), new Pkcs11Token.Location(module, TOKEN, null, "(test fixture)"));
        } catch (dev.securebuild.shared.signer.SigningException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** pkcs11-tool cannot make a key that may not sign (SoftHSM2's default CKA_SIGN is true): clear the attribute. */
    private void forbidSigning(String label) throws IOException {
        try {
            for (Slot slot : cryptoki().getSlotList(true)) {
                if (!slot.getToken().getTokenInfo().getLabel().trim().equals(TOKEN)) {
                    continue;
                }
                Session session = slot.getToken().openSession(true);
                try {
                    session.login(PKCS11Constants.CKU_USER, PIN.toCharArray());
                    for (long key : session.findAllObjectsSingle(AttributeVector.newPrivateKey().label(label))) {
                        session.setAttributeValues(key, new AttributeVector().sign(false));
                    }
                    session.logout();
                } finally {
                    session.closeSession();
                }
            }
        } catch (PKCS11Exception e) {
            throw new IOException("Cannot clear CKA_SIGN of " + label + ": " + e.getErrorName(), e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + output);
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Left for mvn clean.
        }
    }
}
