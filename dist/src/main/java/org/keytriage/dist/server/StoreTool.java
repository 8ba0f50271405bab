package org.keytriage.dist.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.keytriage.core.audit.ChainVerification;
import org.keytriage.store.SecretCipher;
import org.keytriage.store.Store;
import org.keytriage.store.StoreProperties;
import org.keytriage.store.StoreSettings;

/**
 * The store's commands of {@code ./keytriage}, run beside (or instead of) the server:
 *
 * <ul>
 *   <li>{@code master-key generate [--out FILE]}: a new master key, printed or written to a file
 *       only its owner may read;
 *   <li>{@code master-key rotate --from-file OLD --to-file NEW [--config-dir DIR] [--properties FILE]}:
 *       re-encrypts every stored secret from the old master key to the new (stop the servers first,
 *       start them with the new key);
 *   <li>{@code audit verify [--config-dir DIR] [--properties FILE]}: checks the audit chain and names
 *       the first entry changed, inserted or removed; exit status 0 when intact, 1 when not.
 * </ul>
 *
 * The database is the one the server's settings name: {@code keytriage.db.*} of the properties
 * file (default {@code <config dir>/config/keytriage.properties}) and of the environment
 * ({@code KEYTRIAGE_DB_PASSWORD}, as MicroProfile Config maps it), else the embedded default under
 * the config dir.
 */
public final class StoreTool {
  // held: java.util.logging keeps loggers weakly, and a collected one would lose its level
  private static final java.util.logging.Logger MIGRATIONS = java.util.logging.Logger.getLogger("org.flywaydb");

  private StoreTool() {}

  public static void main(String[] args) {
    MIGRATIONS.setLevel(java.util.logging.Level.WARNING); // a command's answer, not the migrations' chatter
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.size() < 2) {
      err.println(usage());
      return 2;
    }
    Map<String, String> options;
    try {
      options = options(args.subList(2, args.size()));
      return switch (args.get(0) + " " + args.get(1)) {
        case "master-key generate" -> generate(options, out);
        case "master-key rotate" -> rotate(options, env, out);
        case "audit verify" -> verify(options, env, out);
        default -> {
          err.println(usage());
          yield 2;
        }
      };
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.println("keytriage: " + e.getMessage());
      return 2;
    }
  }

  private static String usage() {
    return "usage: keytriage master-key generate [--out FILE]\n"
        + "       keytriage master-key rotate --from-file OLD --to-file NEW [--config-dir DIR] [--properties FILE]\n"
        + "       keytriage audit verify [--config-dir DIR] [--properties FILE]";
  }

  private static Map<String, String> options(List<String> rest) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < rest.size(); i += 2) {
      String name = rest.get(i);
      if (!name.startsWith("--") || i + 1 >= rest.size()) {
        throw new IllegalArgumentException("expected --option VALUE, got '" + name + "'\n" + usage());
      }
      o.put(name.substring(2), rest.get(i + 1));
    }
    return o;
  }

  private static int generate(Map<String, String> options, PrintStream out) {
    String key = SecretCipher.generate();
    String file = options.get("out");
    if (file == null) {
      out.println(key);
      return 0;
    }
    Path path = Path.of(file);
    try {
      if (Files.exists(path)) {
        throw new IllegalArgumentException(path + " exists; a master key file is never overwritten (the secrets "
            + "stored under it would be lost). Choose another file.");
      }
      Files.writeString(path, key + "\n");
      try {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // a file system without POSIX permissions: the operator restricts it
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write " + path + ": " + e.getMessage());
    }
    out.println("Master key " + SecretCipher.fromBase64(key).id() + " written to " + path.toAbsolutePath()
        + " (readable by its owner only). Give it to the server as keytriage.master-key-file=" + path.toAbsolutePath());
    return 0;
  }

  private static int rotate(Map<String, String> options, Map<String, String> env, PrintStream out) {
    SecretCipher from = cipherOf(options, "from-file");
    SecretCipher to = cipherOf(options, "to-file");
    StoreSettings settings = storeSettings(options, env);
    try (Store store = Store.open(settings)) {
      int n = store.reencryptSecrets(from, to);
      out.println(n + " stored secret(s) re-encrypted from master key " + from.id() + " to " + to.id()
          + ". Start the servers with keytriage.master-key-file=" + Path.of(options.get("to-file")).toAbsolutePath());
    }
    return 0;
  }

  private static SecretCipher cipherOf(Map<String, String> options, String option) {
    String file = options.get(option);
    if (file == null) {
      throw new IllegalArgumentException("--" + option + " FILE is required\n" + usage());
    }
    return SecretCipher.fromBase64(StoreProperties.firstLine("--" + option, Path.of(file)));
  }

  private static int verify(Map<String, String> options, Map<String, String> env, PrintStream out) {
    try (Store store = Store.open(storeSettings(options, env))) {
      ChainVerification v = store.auditTrail().verify();
      if (v.intact()) {
        out.println("Audit chain intact: " + v.entries() + " entries, head hash " + v.headHash()
            + " (record it elsewhere: entries removed from the end later are found against it).");
        return 0;
      }
      out.println("Audit chain BROKEN at entry " + v.firstBadSeq() + ": " + v.problem() + " (" + v.entries()
          + " entries read).");
      return 1;
    }
  }

  /** The database the server's settings name: the properties file, then the environment, then the default. */
  static StoreSettings storeSettings(Map<String, String> options, Map<String, String> env) {
    Path configDir = Path.of(options.getOrDefault("config-dir", "."));
    Path propertiesFile = Path.of(options.getOrDefault("properties",
        configDir.resolve("config").resolve("keytriage.properties").toString()));
    Properties properties = new Properties();
    if (Files.exists(propertiesFile)) {
      try (InputStream in = Files.newInputStream(propertiesFile)) {
        properties.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + propertiesFile + ": " + e.getMessage());
      }
    } else if (options.containsKey("properties")) {
      throw new IllegalArgumentException("no properties file " + propertiesFile.toAbsolutePath());
    }
    String dir = properties.getProperty("keytriage.config-dir");
    Path effectiveDir = dir != null && !options.containsKey("config-dir") ? Path.of(dir) : configDir;
    Function<String, Optional<String>> lookup = name -> Optional.ofNullable(
        Optional.ofNullable(properties.getProperty(name)).orElse(env.get(environmentName(name))));
    return StoreProperties.store(lookup, effectiveDir).orElseThrow(() -> new IllegalArgumentException(
        "keytriage.db.enabled is false in " + propertiesFile + ": this KeyTriage stores nothing"));
  }

  /** MicroProfile Config's environment name of a property: upper case, every other character an underscore. */
  static String environmentName(String property) {
    StringBuilder b = new StringBuilder();
    for (char c : property.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
