package demo;

import org.apache.commons.io.FilenameUtils;

public final class Hello {
    public static String greeting(String path) {
        return "hello, " + FilenameUtils.getBaseName(path) + ", with provenance";
    }
}
