package org.keytriage.web.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks resource methods that serve one task type: the type is resolved ({@code X-Task-Type}, else
 * {@code keytriage.default-task-type}, else 400) and the integrator must be scoped to it (else
 * 403). The resolved type is in {@link CallerContext#taskType()}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TaskScoped {}
