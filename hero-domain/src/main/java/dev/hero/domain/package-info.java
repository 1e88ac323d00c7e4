/**
 * The Hero domain: the aggregate and its commands ({@code model}), the rules every adapter shares
 * ({@code rules}), the use cases ({@code port.in}, implemented by {@code service}) and the persistence
 * port ({@code port.out}). Depends on the JDK and jakarta.validation-api only.
 */
package dev.hero.domain;
