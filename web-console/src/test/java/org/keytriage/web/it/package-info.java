/**
 * Integration tests against the real WAR in Payara Micro (Arquillian, one boot for all of them),
 * with the NVIDIA simulator started in-process on 127.0.0.1 as the upstream.
 */
package org.keytriage.web.it;
