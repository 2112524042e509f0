package dev.securebuild.allowlist;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.HostileInputs;
import dev.securebuild.shared.HostileInputs.Input;

/**
 * The allow-list loader of the Enforcer rules (here, beside the plugin's other loaders, so that one helper makes the
 * inputs) against hostile input, YAML and JSON: refused with the file and the position, escaped, in bounded time.
 */
class AllowListLoaderHostileInputTest {

    private static final String VALID = "version: 1\napproved:\n  - groupId: org.example\n    artifactId: lib\n    reason: r\n    owner: o\n";

    @TempDir
    Path folder;

    @Test
    void everyHostileYamlListIsRefused() throws Exception {
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.add(HostileInputs.truncated(VALID));
        inputs.add(HostileInputs.yamlAliasBomb("approved"));
        inputs.add(HostileInputs.deepNesting("approved", 100_000));
        inputs.add(HostileInputs.hugeString("version", 30_000_000));
        inputs.add(HostileInputs.hugeString("version", 4_000_000));
        inputs.add(new Input("duplicate keys", (VALID + "approved: []\n").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("wrong types", "version: 1\napproved: {groupId: g}\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a key", (VALID.replace("    owner: o\n", "    owner: o\n    \"key\\n[INFO] BUILD SUCCESS\\e[31m\": x\n"))
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a value", VALID.replace("artifactId: lib", "artifactId: \"lib\\n[INFO] BUILD SUCCESS\"")
                .getBytes(StandardCharsets.UTF_8)));
        for (Input input : inputs) {
            Path file = Files.write(folder.resolve("org-list.yaml"), input.bytes());
            HostileInputs.assertRefusedAtAPosition(InvalidAllowListException.class, file.toString(), input,
                    () -> AllowListLoader.load(file, "organization"));
        }
    }

    @Test
    void everyHostileJsonListIsRefused() throws Exception {
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.add(HostileInputs.truncated("{\"version\":1,\"approved\":[]}"));
        inputs.add(HostileInputs.deepNesting("approved", 100_000));
        inputs.add(HostileInputs.hugeString("version", 3_000_000));
        inputs.add(new Input("duplicate keys", "{\"version\":1,\"version\":1}".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a key", "{\"version\":1,\"key\\n[INFO] BUILD SUCCESS\\u001b\":1}".getBytes(StandardCharsets.UTF_8)));
        for (Input input : inputs) {
            Path file = Files.write(folder.resolve("org-list.json"), input.bytes());
            HostileInputs.assertRefusedAtAPosition(InvalidAllowListException.class, file.toString(), input,
                    () -> AllowListLoader.load(file, "organization"));
        }
    }
}
