package demo;

/** The one class of the consumer POM IT. */
public final class Hello {

    private Hello() {}

    public static String greet(String name) {
        return "Hello, " + name;
    }
}
