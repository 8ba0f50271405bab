package org.keytriage.dist;

/** The demo's command-line options; bad ones fail with a message that says what is accepted. */
record DemoOptions(int requests, int threads, int simulatorPort) {
  static final String USAGE =
      "usage: keytriage library-demo [--requests N (default 300)] [--threads N (default 8)]"
          + " [--simulator-port N (default: any free port)]";

  static DemoOptions parse(String[] args) {
    int requests = 300;
    int threads = 8;
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value. " + USAGE);
      }
      int value = parseInt(name, args[++i]);
      switch (name) {
        case "--requests" -> requests = value;
        case "--threads" -> threads = Math.max(1, value);
        case "--simulator-port" -> port = value;
        default -> throw new IllegalArgumentException("unknown option " + name + ". " + USAGE);
      }
    }
    return new DemoOptions(requests, threads, port);
  }

  private static int parseInt(String name, String raw) {
    try {
      int v = Integer.parseInt(raw);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a whole number >= 0, not '" + raw + "'. " + USAGE);
    }
  }
}
