/** Small text utilities: the library that the secure-build quickstart builds, signs and verifies. */
package dev.securebuild.examples.quickstart;
