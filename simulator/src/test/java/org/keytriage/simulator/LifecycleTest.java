package org.keytriage.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.keytriage.simulator.internal.WorkerPool;

class LifecycleTest {
  @Test
  void bindsLoopbackOnAnEphemeralPort() {
    try (NvidiaSimulator simulator = NvidiaSimulator.start(SimulatorConfig.builder().build())) {
      assertThat(simulator.port()).isPositive();
      assertThat(simulator.baseUri().toString()).isEqualTo("http://127.0.0.1:" + simulator.port());
    }
  }

  @Test
  void closeFreesThePortAndLeavesNoWorkerThreads() throws Exception {
    String key = "sim-lifecycle-key-01";
    NvidiaSimulator simulator =
        NvidiaSimulator.start(
            SimulatorConfig.of(Scenario.builder().key(key, KeyBehaviour.defaults()).build()));
    HttpResponse<String> response = new SimClient(simulator).chat(key, SimClient.chatBody("hi"));
    assertThat(response.statusCode()).isEqualTo(200);
    int port = simulator.port();

    simulator.close();
    simulator.close(); // idempotent

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.isAlive() && t.getName().startsWith(WorkerPool.THREAD_PREFIX));
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
              }
            })
        .isInstanceOf(IOException.class);
  }
}
