package dev.securebuild.shared.results;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.securebuild.shared.HostileInputs;
import dev.securebuild.shared.HostileInputs.Input;

/** The result-file reader, which the release gate trusts for its decision, against hostile files. */
class GoalResultsHostileInputTest {

    private static final String VALID = "{\"format\":\"secure-build-result/1\",\"check\":\"sign\",\"goal\":\"sign\",\"project\":\"g:a\","
            + "\"time\":\"2026-12-01T10:15:30Z\",\"verdict\":\"pass\"}";

    @TempDir
    Path folder;

    @Test
    void everyHostileResultFileIsRefusedNeverReadAsMissingOrPassed() throws Exception {
        List<Input> inputs = new ArrayList<>(HostileInputs.garbage());
        inputs.add(HostileInputs.truncated(VALID));
        inputs.add(HostileInputs.deepNesting("format", 100_000));
        inputs.add(HostileInputs.hugeString("format", 30_000_000));
        inputs.add(HostileInputs.hugeString("format", 3_000_000));
        inputs.add(new Input("a valid result after 5 MiB of white space", (" ".repeat(5 * 1024 * 1024) + VALID).getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("duplicate keys", VALID.replace("\"verdict\":\"pass\"", "\"verdict\":\"fail\",\"verdict\":\"pass\"")
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("wrong types", VALID.replace("\"verdict\":\"pass\"", "\"verdict\":true").getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a key", VALID.replace("{", "{\"x\\n[INFO] BUILD SUCCESS\\u001b[2J\":1,")
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a control character in a value", VALID.replace("\"pass\"", "\"pass\\n[INFO] BUILD SUCCESS\"")
                .getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Input("a YAML alias bomb", HostileInputs.yamlAliasBomb("format").bytes()));
        for (Input input : inputs) {
            Path file = Files.write(folder.resolve("sign.json"), input.bytes());
            HostileInputs.assertRefused(GoalResults.InvalidResultException.class, file.toString(), input, () -> GoalResults.read(file));
            HostileInputs.assertRefused(GoalResults.InvalidResultException.class, file.toString(), input, () -> GoalResults.readAll(folder));
        }
    }
}
