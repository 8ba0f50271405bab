/**
 * The request filters (integrator token, task scope, operator roles), the Jakarta Security identity
 * store for operator accounts, and PBKDF2 hashing.
 */
package org.keytriage.web.security.internal;
