package io.chainwright.compose;

import java.util.Locale;

/** Names Compose objects get from model names, shared by the renderer and the runtimes. */
public final class ComposeNames {
  /** The project folder holding config volumes' files. */
  public static final String CONFIGS = "configs";
  /** The project folder holding secret files, and the folders callers fill with provided secrets. */
  public static final String SECRETS = "secrets";

  private ComposeNames() {}

  /** The Compose secret holding one key of a model secret. */
  public static String secret(String secret, String key) {
    return (secret + "__" + key).replaceAll("[^a-zA-Z0-9._-]", "_");
  }

  /** The file, relative to the project, holding one key of a model secret. */
  public static String secretFile(String secret, String key) {
    return SECRETS + "/" + secret + "/" + key;
  }

  /** The {@code .env} variable holding one key of a model secret, for environment variables read from secrets. */
  public static String secretVariable(String secret, String key) {
    return ("CW_SECRET_" + secret + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  /** The folder, relative to the project, that the caller fills with a provided secret's files. */
  public static String providedSecretDirectory(String secret) {
    return SECRETS + "/" + secret;
  }

  /** The named volume of one replica's data volume. */
  public static String dataVolume(ComposeService service, String volume) {
    String replica = ServicePlan.replicas(service.workload()) > 1 ? "-" + service.replica() : "";
    return service.workload().name() + replica + "-" + volume;
  }

  /** The folder, relative to the project, holding a config volume's files. */
  public static String configDirectory(String workload, String volume) {
    return CONFIGS + "/" + workload + "/" + volume;
  }
}
