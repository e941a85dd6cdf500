package cn.nanning.civic.services;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the modular monolith modular: the kernel knows no domain module, and modules do not form cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.nanning.civic");

    @Test
    void theKernelDependsOnNoDomainModule() {
        noClasses().that().resideInAPackage("cn.nanning.civic.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.nanning.civic.proxy..", "cn.nanning.civic.services..")
                .check(CLASSES);
    }

    @Test
    void theCommonBuildingBlocksDependOnNoServicesCode() {
        noClasses().that().resideInAPackage("cn.nanning.civic.common..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.nanning.civic.kernel..", "cn.nanning.civic.proxy..")
                .check(CLASSES);
    }

    @Test
    void domainModulesAndTheirConceptsHaveNoCycles() {
        slices().matching("cn.nanning.civic.(*)..").should().beFreeOfCycles().check(CLASSES);
        slices().matching("cn.nanning.civic.proxy.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
