package cn.nanning.civic.portal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class PackageRulesTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.nanning.civic.portal");

    @Test
    void packages_have_no_cycles() {
        slices().matching("cn.nanning.civic.portal.(*)..").should().beFreeOfCycles().check(PORTAL);
    }

    @Test
    void only_the_gateway_package_makes_http_calls() {
        noClasses().that().resideOutsideOfPackage("cn.nanning.civic.portal.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http.client..", "java.net.http..")
                .check(PORTAL);
    }

    @Test
    void capability_packages_do_not_depend_on_each_other() {
        List<String> capabilities = List.of(
                "volunteers", "proxy", "legalaid", "psychology", "council", "catalogue", "regions", "audit");
        for (String capability : capabilities) {
            String[] others = capabilities.stream().filter(other -> !other.equals(capability))
                    .map(other -> "cn.nanning.civic.portal." + other + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("cn.nanning.civic.portal." + capability + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(PORTAL);
        }
    }

    @Test
    void vaadin_views_do_not_reach_into_the_micronaut_glue() {
        noClasses().that().resideOutsideOfPackages("cn.nanning.civic.portal.micronaut..", "cn.nanning.civic.portal")
                .should().dependOnClassesThat().resideInAPackage("cn.nanning.civic.portal.micronaut..")
                .check(PORTAL);
    }

    @Test
    void widgets_with_english_built_in_texts_are_made_only_through_the_chinese_factory() {
        noClasses().that().resideOutsideOfPackage("cn.nanning.civic.portal.ui..")
                .should().callConstructorWhere(target(owner(assignableTo(com.vaadin.flow.component.datepicker.DatePicker.class)
                        .or(assignableTo(com.vaadin.flow.component.datetimepicker.DateTimePicker.class))
                        .or(assignableTo(com.vaadin.flow.component.timepicker.TimePicker.class))
                        .or(assignableTo(com.vaadin.flow.component.upload.Upload.class)))))
                .because("Widgets gives them Chinese month names, weeks from Monday, 今天/取消 and upload texts")
                .check(PORTAL);
    }
}
