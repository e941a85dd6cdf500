package cn.nanning.civic.search;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The search deployable owns Elasticsearch; it knows other deployables only through events and HTTP, never their code. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.nanning.civic.search");

    @Test
    void searchUsesNoCodeOfOtherDeployables() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("cn.nanning.civic.gateway..", "cn.nanning.civic.kernel..",
                "cn.nanning.civic.proxy..", "cn.nanning.civic.portal..", "cn.nanning.civic.services..").check(CLASSES);
    }

    @Test
    void itsConceptsHaveNoCycles() {
        slices().matching("cn.nanning.civic.search.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
