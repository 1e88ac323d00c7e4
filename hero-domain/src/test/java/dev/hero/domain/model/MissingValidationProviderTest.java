package dev.hero.domain.model;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * hero-domain used as a library without a Jakarta Validation provider (the application forgot Hibernate Validator): every
 * command fails alike, with a message that names the artifact to add, never ExceptionInInitializerError and then
 * NoClassDefFoundError. The domain's classes run here in a class loader that sees only them and jakarta.validation-api.
 */
class MissingValidationProviderTest {

    @Test
    void givenNoValidationProvider_whenCommandsAreCreated_thenEachFailsNamingTheArtifactToAdd() throws Exception {
        URL domainClasses = NewHero.class.getProtectionDomain().getCodeSource().getLocation();
        URL validationApi = Validation.class.getProtectionDomain().getCodeSource().getLocation();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader withoutProvider = new URLClassLoader(new URL[] {domainClasses, validationApi},
                ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(withoutProvider);
            Constructor<?> newHero = withoutProvider.loadClass(NewHero.class.getName())
                    .getConstructor(String.class, Integer.class, String.class);

            for (int attempt = 1; attempt <= 2; attempt++) {
                Throwable failure = catchThrowable(() -> newHero.newInstance("Deadpond", 30, "Dive Wilson"));

                assertThat(failure).as("attempt %d", attempt).isInstanceOf(InvocationTargetException.class);
                assertThat(failure.getCause()).as("attempt %d", attempt)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage(CommandValidator.MISSING_PROVIDER);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
