package org.auditgate;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine is plain Java: nothing under org.auditgate.engine may depend on the service frameworks. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.auditgate");

    @Test
    void engineImportsNoQuarkusJakartaOrHibernate() {
        assertThat(MAIN.stream().anyMatch(c -> c.getPackageName().startsWith("org.auditgate.engine"))).isTrue();
        ArchRule rule = noClasses().that().resideInAPackage("org.auditgate.engine..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta..", "javax.persistence..", "org.hibernate..",
                        "org.auditgate.cli..", "org.auditgate.evaluations..");
        rule.check(MAIN);
    }

    @Test
    void ruleCatchesAFrameworkImport() {
        JavaClasses offending = new ClassFileImporter().importClasses(OffendingEngineLikeClass.class);
        ArchRule rule = noClasses().that().haveSimpleName("OffendingEngineLikeClass")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> rule.check(offending));
    }

    /** Stands in for an engine class that wrongly imports Jakarta, to show the rule can fail. */
    static final class OffendingEngineLikeClass {
        jakarta.inject.Provider<String> provider;
    }
}
