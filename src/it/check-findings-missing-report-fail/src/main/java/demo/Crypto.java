package demo;

public final class Crypto {

    public static final String ALGORITHM = "DES";
}
