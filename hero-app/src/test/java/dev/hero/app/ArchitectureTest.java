package dev.hero.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The hexagon, stated as rules over every class Hero ships. */
class ArchitectureTest {

    private static JavaClasses hero;

    @BeforeAll
    static void importHero() {
        hero = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hero");
    }

    @Test
    void theDomainDependsOnlyOnTheJdkAndJakartaValidation() {
        classes().that().resideInAPackage("dev.hero.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.hero.domain..", "java..", "jakarta.validation..")
                .check(hero);
    }

    @Test
    void theWebAdapterNeverTouchesSqlOrPersistence() {
        noClasses().that().resideInAPackage("dev.hero.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                        "org.flywaydb..", "org.sqlite..", "org.postgresql..", "com.zaxxer..", "dev.hero.persistence..")
                .check(hero);
    }

    @Test
    void thePersistenceAdapterNeverTouchesHttp() {
        noClasses().that().resideInAPackage("dev.hero.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "dev.hero.web..", "com.fasterxml.jackson..")
                .check(hero);
    }

    @Test
    void onlyTheAppWiresAdaptersTogether() {
        noClasses().that().resideOutsideOfPackage("dev.hero.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.hero.app..")
                .check(hero);
        noClasses().that().resideInAPackage("dev.hero.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hero.web..", "dev.hero.persistence..")
                .check(hero);
    }

    @Test
    void adaptersReachTheDomainOnlyThroughItsPortsAndModel() {
        noClasses().that().resideInAnyPackage("dev.hero.web..", "dev.hero.persistence..")
                .should().dependOnClassesThat().resideInAPackage("dev.hero.domain.service..")
                .check(hero);
    }

    @Test
    void noPackageOfAnyModuleIsPartOfACycle() {
        // jOOQ's generated classes (schema, tables, records, keys) refer to each other by design; they are not ours to shape
        slices().matching("dev.hero.(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("dev.hero.persistence.jooq.generated.."), DescribedPredicate.alwaysTrue())
                .check(hero);
    }

    @Test
    void theDomainRulesKnowNothingOfTheCommandsTheyCheck() {
        noClasses().that().resideInAPackage("dev.hero.domain.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hero.domain.model..", "dev.hero.domain.port..",
                        "dev.hero.domain.service..")
                .check(hero);
    }

    @Test
    void theAppLeavesTheHttpEdgeToTheWebAdapter() {
        // limits, direct handlers, protocol settings and the drain on stop are the web adapter's (HeroWeb.install)
        noClasses().that().resideInAPackage("dev.hero.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.helidon.webserver.http1..", "io.helidon.common.concurrency.limits..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.helidon.webserver.http.DirectHandlers")
                .check(hero);
    }
}
