package org.keytriage.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * A class depends on an {@code internal} package that belongs to another package than its own.
 * The composition roots ({@code org.keytriage.core.KeyTriage}, the cluster backends) are where
 * implementations are chosen, so {@code org.keytriage.core} and {@code org.keytriage.core.cluster}
 * may wire any of core's internals.
 */
final class UsesAnotherPackagesInternals extends ArchCondition<JavaClass> {
  UsesAnotherPackagesInternals() {
    super("use another package's internal implementation");
  }

  @Override
  public void check(JavaClass item, ConditionEvents events) {
    String own = PackageWithItsInternals.owner(item.getPackageName());
    for (Dependency d : item.getDirectDependenciesFromSelf()) {
      String target = d.getTargetClass().getPackageName();
      if (!target.startsWith("org.keytriage.") || !target.contains(".internal")) {
        continue;
      }
      String targetOwner = PackageWithItsInternals.owner(target);
      if (targetOwner.equals(own) || isCompositionRoot(own, targetOwner)) {
        continue;
      }
      events.add(SimpleConditionEvent.violated(d, d.getDescription()));
    }
  }

  private static boolean isCompositionRoot(String own, String targetOwner) {
    return (own.equals("org.keytriage.core") || own.equals("org.keytriage.core.cluster"))
        && targetOwner.startsWith("org.keytriage.core");
  }
}
