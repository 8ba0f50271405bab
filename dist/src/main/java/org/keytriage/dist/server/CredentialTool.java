package org.keytriage.dist.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Makes the credentials a deployment configures, so no one hand-rolls a hash:
 *
 * <ul>
 *   <li>{@code ./keytriage hash-password [user] [role]}: reads a password (no echo on a terminal,
 *       else one line of standard input) and prints its PBKDF2 hash and the {@code keytriage.users}
 *       entry;
 *   <li>{@code ./keytriage new-token [name] [task|task|*]}: makes a random integrator token and
 *       prints it once with its SHA-256 and the {@code keytriage.integrators} entry.
 * </ul>
 */
public final class CredentialTool {
  private CredentialTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: keytriage hash-password [user] [admin|ops]  |  keytriage new-token [name] [task|task|*]");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "hash-password" -> hashPassword(rest, System.out);
      case "new-token" -> newToken(rest, System.out);
      default -> {
        System.err.println("keytriage: unknown command " + args[0]);
        System.exit(2);
      }
    }
  }

  static void hashPassword(String[] args, PrintStream out) throws IOException {
    String user = args.length > 0 ? args[0] : "admin";
    String role = args.length > 1 ? args[1] : "admin";
    char[] password = readPassword();
    if (password.length < 12) {
      System.err.println("keytriage: use at least 12 characters");
      System.exit(2);
    }
    String hash = PasswordHashes.pbkdf2(password);
    Arrays.fill(password, '\0');
    out.println(hash);
    out.println("# add to keytriage.users (entries separated by commas):");
    out.println(user + ":" + role + ":" + hash);
  }

  static void newToken(String[] args, PrintStream out) {
    String name = args.length > 0 ? args[0] : "integrator";
    String tasks = args.length > 1 ? args[1] : "*";
    String token = PasswordHashes.randomToken("kt-", 32);
    out.println("Token (give it to the integrator; it is not stored anywhere): " + token);
    out.println("# add to keytriage.integrators (entries separated by commas):");
    out.println(name + ":" + PasswordHashes.sha256Hex(token) + ":" + tasks);
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, again)) {
        System.err.println("keytriage: the passwords differ");
        System.exit(2);
      }
      return first;
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return line == null ? new char[0] : line.toCharArray();
  }
}
