package dev.securebuild.sign;

import java.util.List;

/** One or more files could not be hashed, signed or verified; each problem names its file and cause. */
public class ProcessingException extends Exception {

    private final List<String> problems;

    public ProcessingException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " files failed:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
