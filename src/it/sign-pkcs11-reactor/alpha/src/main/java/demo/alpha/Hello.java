package demo.alpha;

public final class Hello {
    public static String greeting() {
        return "hello from alpha";
    }
}
