package io.pgasync.it.types;

/** A Java type with no built-in mapping, for the custom codec tests. */
record Complex(double re, double im) {}
