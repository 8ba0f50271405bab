package org.keytriage.dist.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the servers and the test PostgreSQL server that the test can shut: {@link
 * #shut()} drops every connection and refuses new ones, as a database that went away would; {@link
 * #open()} lets connections through again. The database itself never stops, so other tests on the
 * machine are not disturbed.
 */
final class DatabaseGate implements AutoCloseable {
  private final int port;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  DatabaseGate(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.port = PayaraNode.freePort();
    open();
  }

  int port() {
    return port;
  }

  synchronized void open() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = s;
    Thread accept = new Thread(() -> acceptLoop(s), "db-gate-accept");
    accept.setDaemon(true);
    accept.start();
  }

  synchronized void shut() throws IOException {
    if (listener != null) {
      listener.close();
      listener = null;
    }
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  private void acceptLoop(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        return; // shut
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // either side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // closing
        }
        sockets.remove(from);
        sockets.remove(to);
      }
    }, "db-gate-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    shut();
  }
}
