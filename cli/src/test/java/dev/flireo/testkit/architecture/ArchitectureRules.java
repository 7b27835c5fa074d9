package dev.flireo.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The toolkit's architecture rules, kept apart from the classes they run on so that {@link ArchitectureRulesTest} can
 * show each one failing on a class that breaks it. A module is the package right below {@code dev.flireo.testkit}
 * ({@code mock}, {@code contracts}, ...); its {@code internal} packages are its own business.
 */
final class ArchitectureRules {

    /** Public types outside {@code internal} are the API: nothing a user can call or extend names an internal type. */
    static final ArchRule NO_INTERNAL_TYPE_IN_PUBLIC_API =
            classes().that(areApi()).should(exposeNoInternalType());

    static final ArchRule NO_MODULE_REACHES_INTO_ANOTHERS_INTERNALS =
            classes().should(reachOnlyTheirOwnModulesInternals());

    /**
     * Libraries report through return values, exceptions and SLF4J; the CLI's commands print through picocli's
     * {@code spec.commandLine().getOut()/getErr()}, which tests capture. So no main class needs System.out/err.
     */
    static final ArchRule NO_STANDARD_STREAMS = noClasses().should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    private ArchitectureRules() {}

    static String module(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length < 4 ? packageName : String.join(".", parts[0], parts[1], parts[2], parts[3]);
    }

    /** Ours only: other libraries' internals (Jetty's, also when relocated into the mock-server jar) are not. */
    static boolean isInternal(String packageName) {
        return packageName.startsWith("dev.flireo.testkit.")
                && !packageName.startsWith("dev.flireo.testkit.mock.shaded.")
                && ("." + packageName + ".").contains(".internal.");
    }

    private static DescribedPredicate<JavaClass> areApi() {
        return DescribedPredicate.describe("are public outside an internal package", ArchitectureRules::isApi);
    }

    private static boolean isApi(JavaClass type) {
        if (isInternal(type.getPackageName()) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        return type.getEnclosingClass().map(ArchitectureRules::isApi).orElse(true);
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no internal type in a public or protected signature") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                type.getSuperclass().ifPresent(s -> report(type.getDescription() + " extends", s, events));
                type.getInterfaces().forEach(i -> report(type.getDescription() + " implements", i, events));
                for (JavaField field : type.getFields()) {
                    if (visible(field)) {
                        report(field.getDescription() + " has type", field.getType(), events);
                    }
                }
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    if (visible(unit)) {
                        Set<JavaType> types = new LinkedHashSet<>(unit.getParameterTypes());
                        types.add(unit.getReturnType());
                        types.addAll(unit.getTypeParameters());
                        types.addAll(unit.getThrowsClause().getTypes());
                        types.forEach(t -> report(unit.getDescription() + " names", t, events));
                    }
                }
            }
        };
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = ((HasModifiers) member).getModifiers();
        boolean reachable = modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
        return reachable && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    private static void report(String where, JavaType type, ConditionEvents events) {
        Collection<JavaClass> involved = type.getAllInvolvedRawTypes();
        for (JavaClass raw : involved) {
            JavaClass base = raw.getBaseComponentType();
            if (isInternal(base.getPackageName())) {
                events.add(SimpleConditionEvent.violated(base, where + " the internal type " + base.getName()));
            }
        }
    }

    private static ArchCondition<JavaClass> reachOnlyTheirOwnModulesInternals() {
        return new ArchCondition<>("reach only their own module's internal packages") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = module(type.getPackageName());
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String target =
                            dependency.getTargetClass().getBaseComponentType().getPackageName();
                    if (isInternal(target) && !module(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
