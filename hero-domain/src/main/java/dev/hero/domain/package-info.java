/**
 * The Hero domain: the aggregate and its commands, which validate themselves ({@code model}); the rules and the way a
 * broken one is reported, {@code Violation} with a {@code ViolationCode} ({@code rules}); the use cases
 * ({@code port.in}, implemented by {@code service}) and the persistence port ({@code port.out}). Packages depend
 * inward only: {@code model} uses {@code rules}, never the reverse. Depends on the JDK and jakarta.validation-api only.
 */
package dev.hero.domain;
