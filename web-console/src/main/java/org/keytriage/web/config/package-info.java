/**
 * The web application's settings, all from MicroProfile Config ({@code keytriage.*}), so system
 * properties, environment variables ({@code KEYTRIAGE_CONFIG_DIR}) and the app server's own config
 * sources all work, with {@code %dev.} / {@code %prod.} profiles ({@code mp.config.profile}).
 */
package org.keytriage.web.config;
