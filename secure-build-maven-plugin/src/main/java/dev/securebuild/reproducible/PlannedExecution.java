package dev.securebuild.reproducible;

import java.util.Map;

/**
 * One mojo execution of this build's plan for a module, as plain values.
 *
 * @param parameters    the values of the parameters that name an output ({@code finalName}, {@code classifier},
 *                      {@code outputDirectory}, {@code appendAssemblyId}, {@code formats}, {@code descriptors}, ...),
 *                      evaluated as the execution saw them; lists joined with ','
 * @param configuration the execution's configuration as written, for telling which execution names a generated file
 */
public record PlannedExecution(String groupId, String artifactId, String version, String goal, String executionId,
                               Map<String, String> parameters, String configuration) {

    public PlannedExecution {
        parameters = Map.copyOf(parameters);
        configuration = configuration == null ? "" : configuration;
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    Producer producer() {
        return Producer.execution(groupId, artifactId, version, executionId);
    }
}
