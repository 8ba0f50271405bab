package org.keytriage.web.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operator roles that may call a resource method (or every method of a resource class; a
 * method's own annotation wins). Checked by a request filter after HTTP Basic authentication:
 * anonymous → 401, another role → 403.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedRoles {
  String[] value();
}
