package org.keytriage.simulator.internal;

/**
 * The command line: {@code [--port N] [--scenario PATH|classpath:RESOURCE] [--help]}, each option
 * also accepted as {@code --name=value}.
 *
 * @param port the port on 127.0.0.1
 * @param scenario where to load the scenario from
 * @param help whether usage was asked for
 */
public record CliOptions(int port, String scenario, boolean help) {
  public static final int DEFAULT_PORT = 8089;
  public static final String DEFAULT_SCENARIO = "classpath:scenarios/demo.json";

  public static final String USAGE =
      String.join(
          System.lineSeparator(),
          "usage: java -jar keytriage-simulator.jar [--port N] [--scenario"
              + " FILE|classpath:RESOURCE]",
          "  --port N          port on 127.0.0.1 (default "
              + DEFAULT_PORT
              + "; 0 picks a free one)",
          "  --scenario WHERE  scenario JSON file, or classpath:RESOURCE (default "
              + DEFAULT_SCENARIO
              + ")",
          "  --help            show this help");

  /**
   * @throws IllegalArgumentException with a message fit to show a person
   */
  public static CliOptions parse(String[] args) {
    int port = DEFAULT_PORT;
    String scenario = DEFAULT_SCENARIO;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "-h", "--help" -> help = true;
        case "--port" -> {
          if (value == null) {
            value = valueAfter(args, i++, name);
          }
          port = port(value);
        }
        case "--scenario" -> {
          if (value == null) {
            value = valueAfter(args, i++, name);
          }
          if (value.isBlank()) {
            throw new IllegalArgumentException(
                "--scenario needs a file path or classpath:RESOURCE");
          }
          scenario = value;
        }
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    return new CliOptions(port, scenario, help);
  }

  private static String valueAfter(String[] args, int i, String name) {
    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i + 1];
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--port must be a number within 0..65535 (was '" + value + "')");
  }
}
