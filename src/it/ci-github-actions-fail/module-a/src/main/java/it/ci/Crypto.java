package it.ci;

public class Crypto {
    static final String ALGORITHM = "DES";
}
