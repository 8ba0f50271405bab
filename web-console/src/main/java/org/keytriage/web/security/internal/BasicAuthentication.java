package org.keytriage.web.security.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * Installs Jakarta Security's HTTP Basic mechanism. No URL is container-protected: the mechanism
 * authenticates whenever credentials come, and {@link RoleFilter} decides, so refusals are JSON
 * rather than the container's HTML error pages.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "keytriage")
public class BasicAuthentication {}
