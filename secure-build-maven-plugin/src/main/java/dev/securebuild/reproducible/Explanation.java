package dev.securebuild.reproducible;

/**
 * Why a difference is there and how to remove it.
 *
 * @param cause what made the two builds write different bytes
 * @param fix   what to change, as concretely as the evidence allows
 * @param producedBy the plugin execution that wrote the artifact, when known (null otherwise)
 */
public record Explanation(String cause, String fix, String producedBy) {

    public Explanation withProducer(String execution) {
        return new Explanation(cause, fix, execution);
    }
}
