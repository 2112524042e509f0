package demo;

import java.util.Random;

public final class App {

    public static int roll() {
        return new Random().nextInt(6) + 1;
    }
}
