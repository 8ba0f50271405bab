/**
 * The server demo and the launcher's Java side: {@code ./keytriage demo} starts the bundled NVIDIA
 * simulator and Payara Micro with the KeyTriage WAR at the root context, waits until {@code
 * /health/ready} answers, drives the mixed workload through {@code /v1/chat/completions} over HTTP
 * with a demo integrator token, prints the guide's report from the operators' API, runs each of the
 * six task types through the typed API ({@code /api/v1/tasks/{type}}) and one small batch
 * ({@code /api/v1/batches}) with its progress, and stays up
 * with the URLs and demo credentials printed until Ctrl-C. {@code ./keytriage hash-password} and
 * {@code ./keytriage new-token} make the credentials a real deployment configures.
 */
package org.keytriage.dist.server;
