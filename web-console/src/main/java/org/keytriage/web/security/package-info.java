/**
 * Who may call what.
 *
 * <ul>
 *   <li>{@code /v1/…}: integrators, by a token sent as {@code Authorization: Bearer <token>} (what
 *       every OpenAI SDK sends as its API key). Only the token's SHA-256 is configured ({@link
 *       org.keytriage.web.security.Integrators}); each integrator is scoped to task types.
 *   <li>{@code /api/v1/…}: operators, by HTTP Basic (a servlet filter of KeyTriage's own, not
 *       Jakarta Security, whose mechanism ran on every request) against accounts with
 *       PBKDF2-hashed passwords ({@link org.keytriage.web.security.UserAccounts}); reading needs
 *       role {@value org.keytriage.web.security.Roles#OPS} or {@value
 *       org.keytriage.web.security.Roles#ADMIN}, changing needs {@value
 *       org.keytriage.web.security.Roles#ADMIN}.
 * </ul>
 *
 * <p>No credentials → 401, credentials without the right scope or role → 403, both as JSON.
 * Tokens, passwords and their hashes never appear in an answer or a log line. The filters and the
 * password check are in {@code internal}.
 */
package org.keytriage.web.security;
