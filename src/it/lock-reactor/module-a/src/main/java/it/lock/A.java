package it.lock;

public class A {
}
