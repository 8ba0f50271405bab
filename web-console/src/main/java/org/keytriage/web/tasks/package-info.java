/**
 * The typed task API, {@code POST /api/v1/tasks/{taskType}}: an integrator sends a task's JSON input
 * (the fields {@link org.keytriage.tasks.BuiltInTaskHandlers} describes) and gets the task's typed
 * result with how it was served (key id, tokens, cost, attempts, latency). The task's handler builds
 * the NVIDIA request; the shared gateway routes, fails over and books it, exactly as for {@code /v1}.
 * {@link org.keytriage.web.tasks.MeteredTasks} is the one way in for this API and for batch items,
 * so every typed call is counted in the request metrics.
 */
package org.keytriage.web.tasks;
