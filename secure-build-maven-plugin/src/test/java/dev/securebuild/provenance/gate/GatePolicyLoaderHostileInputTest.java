package dev.securebuild.provenance.gate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.HostileInputs;
import dev.securebuild.shared.HostileInputs.Input;

/** The release gate policy loader against hostile input, YAML and JSON: refused with the file and the position, in bounded time. */
class GatePolicyLoaderHostileInputTest {

    private static final String VALID = "version: 1\nrequired: [sign, provenance]\nwaived:\n  - check: reproducible\n    reason: nightly\n";

    @TempDir
    Path folder;

    private static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.add(HostileInputs.truncated(VALID));
        inputs.add(HostileInputs.yamlAliasBomb("required"));
        inputs.add(HostileInputs.deepNesting("required", 100_000));
        inputs.add(HostileInputs.hugeString("version", 30_000_000));
        inputs.add(HostileInputs.hugeString("version", 4_000_000));
        inputs.add(new Input("duplicate keys", "version: 1\nrequired: [sign]\nrequired: [findings]\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("wrong types", "version: \"1\"\nrequired: sign\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a waiver of the wrong type", "version: 1\nwaived: {check: sign}\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a key", ("version: 1\n\"" + HostileInputs.CONTROL_KEY.replace("\n", "\\n")
                .replace("\u001b", "\\e") + "\": true\n").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a value", "version: 1\nrequired: [\"sign\\n[INFO] BUILD SUCCESS\"]\n".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("two documents", "version: 1\n---\nversion: 1\n".getBytes(StandardCharsets.UTF_8)));
        return inputs;
    }

    @Test
    void everyHostileYamlPolicyIsRefusedWithTheFileAndPosition() throws Exception {
        for (Input input : inputs()) {
            Path file = Files.write(folder.resolve("gate.yaml"), input.bytes());
            HostileInputs.assertRefusedAtAPosition(GatePolicyLoader.InvalidGatePolicyException.class, file.toString(), input,
                    () -> GatePolicyLoader.load(file));
        }
    }

    @Test
    void everyHostileJsonPolicyIsRefusedWithTheFileAndPosition() throws Exception {
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.add(HostileInputs.truncated("{\"version\":1,\"required\":[\"sign\"]}"));
        inputs.add(HostileInputs.deepNesting("required", 100_000));
        inputs.add(HostileInputs.hugeString("version", 30_000_000));
        inputs.add(new Input("duplicate keys", "{\"version\":1,\"version\":1}".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a key", ("{\"version\":1,\"" + HostileInputs.CONTROL_KEY.replace("\n", "\\n")
                .replace("\u001b", "\\u001b") + "\":true}").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a second value", "{\"version\":1} {\"version\":1}".getBytes(StandardCharsets.UTF_8)));
        for (Input input : inputs) {
            Path file = Files.write(folder.resolve("gate.json"), input.bytes());
            HostileInputs.assertRefusedAtAPosition(GatePolicyLoader.InvalidGatePolicyException.class, file.toString(), input,
                    () -> GatePolicyLoader.load(file));
        }
    }
}
