package org.keytriage.web.security.internal;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.keytriage.web.security.AllowedRoles;

/** Puts a {@link RoleFilter} in front of every resource method that has {@link AllowedRoles}. */
@Provider
public class RoleFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    AllowedRoles roles = resource.getResourceMethod().getAnnotation(AllowedRoles.class);
    if (roles == null) {
      roles = resource.getResourceClass().getAnnotation(AllowedRoles.class);
    }
    if (roles != null) {
      context.register(new RoleFilter(Set.of(roles.value())), Priorities.AUTHORIZATION);
    }
  }
}
