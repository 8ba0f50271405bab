package org.keytriage.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** One slice per KeyTriage package, its {@code internal} subpackage included. */
final class PackageWithItsInternals implements SliceAssignment {
  @Override
  public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
    String pkg = javaClass.getPackageName();
    if (!pkg.startsWith("org.keytriage.")) {
      return SliceIdentifier.ignore();
    }
    return SliceIdentifier.of(owner(pkg));
  }

  /** The package that owns {@code pkg}: itself, or the parent of its {@code internal} part. */
  static String owner(String pkg) {
    int internal = pkg.indexOf(".internal");
    return internal < 0 ? pkg : pkg.substring(0, internal);
  }

  @Override
  public String getDescription() {
    return "KeyTriage packages, each with its internal package";
  }
}
