/**
 * The filters (operator Basic authentication, integrator token, task scope, operator roles), the
 * operators' password check, and PBKDF2 hashing.
 */
package org.keytriage.web.security.internal;
