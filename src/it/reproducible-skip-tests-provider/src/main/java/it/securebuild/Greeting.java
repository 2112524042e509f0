package it.securebuild;

public final class Greeting {
    public static String of(String name) {
        return "Hello, " + name;
    }
}
