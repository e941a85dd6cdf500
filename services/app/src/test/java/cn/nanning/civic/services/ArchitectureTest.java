package cn.nanning.civic.services;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the modular monolith modular: the kernel knows no domain module, domain modules reach each other only
 * through a module's public {@code api} package (or through events), and nothing forms a cycle.
 */
class ArchitectureTest {

    private static final List<String> DOMAIN_MODULES = List.of("proxy", "volunteers", "appointments", "council", "indicators");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.nanning.civic");

    @Test
    void theKernelDependsOnNothingButTheCommonBuildingBlocks() {
        noClasses().that().resideInAPackage("cn.nanning.civic.kernel..")
                .should().dependOnClassesThat(resideInAPackage("cn.nanning.civic..")
                        .and(resideInAnyPackage("cn.nanning.civic.common..", "cn.nanning.civic.kernel..").negate()))
                .check(CLASSES);
    }

    @Test
    void theCommonBuildingBlocksDependOnNoServicesCode() {
        noClasses().that().resideInAPackage("cn.nanning.civic.common..")
                .should().dependOnClassesThat(resideInAPackage("cn.nanning.civic..")
                        .and(resideInAPackage("cn.nanning.civic.common..").negate()))
                .check(CLASSES);
    }

    @Test
    void domainModulesUseEachOtherOnlyThroughTheirApiPackage() {
        for (String module : DOMAIN_MODULES) {
            for (String other : DOMAIN_MODULES) {
                if (module.equals(other)) {
                    continue;
                }
                noClasses().that().resideInAPackage("cn.nanning.civic." + module + "..")
                        .should().dependOnClassesThat(resideInAPackage("cn.nanning.civic." + other + "..")
                                .and(resideInAPackage("cn.nanning.civic." + other + ".api..").negate()))
                        .allowEmptyShould(true)
                        .check(CLASSES);
            }
        }
    }

    @Test
    void modulesAndTheirConceptsHaveNoCycles() {
        slices().matching("cn.nanning.civic.(*)..").should().beFreeOfCycles().check(CLASSES);
        for (String module : DOMAIN_MODULES) {
            slices().matching("cn.nanning.civic." + module + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(CLASSES);
        }
    }
}
