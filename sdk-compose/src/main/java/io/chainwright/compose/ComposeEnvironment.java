package io.chainwright.compose;

import io.chainwright.api.EnvVar;
import io.chainwright.api.Network;
import io.chainwright.api.Secret;
import io.chainwright.api.SecretKeyRef;
import io.chainwright.api.SecretValue;
import io.chainwright.api.Violations;
import io.chainwright.compose.spec.Interpolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's environment as Compose says it: literals as they are (each {@code $} doubled),
 * secret-backed values as {@code ${VARIABLE}} for Compose to substitute, pod fields where Compose
 * has an equivalent. Both runtimes take the environment from here, never from the model.
 */
final class ComposeEnvironment {
  private ComposeEnvironment() {}

  /**
   * The environment of {@code service}; values the SDK holds go to {@code dotEnv}, and a pod field
   * Compose cannot give is a violation at {@code at}.
   */
  static Map<String, String> of(Network network, ComposeService service, Violations at, Map<String, SecretValue> dotEnv) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : service.container().env()) {
      if (e.value().isPresent()) {
        env.put(e.name(), Interpolation.literal(e.value().get()));
      } else if (e.secret().isPresent()) {
        env.put(e.name(), "${" + secretVariable(network, e.secret().get(), dotEnv) + "}");
      } else {
        switch (e.field().orElseThrow()) {
          case POD_NAME -> env.put(e.name(), service.name());
          case NAMESPACE -> env.put(e.name(), network.namespace());
          case NODE_NAME -> env.put(e.name(), "localhost");
          case POD_IP, HOST_IP -> at.in("env", e.name()).add("field",
              e.field().get() + " has no Compose equivalent; pass the address another way");
        }
      }
    }
    return env;
  }

  /**
   * The variable Compose substitutes for a secret-backed environment variable. A value that comes
   * from the caller's environment is referenced as it is; other values go to {@code .env}; a
   * provided secret's variable is the caller's to set.
   */
  private static String secretVariable(Network network, SecretKeyRef ref, Map<String, SecretValue> dotEnv) {
    Secret secret = network.secret(ref.secret()).orElseThrow();
    if (secret.provided()) {
      return ComposeNames.secretVariable(ref.secret(), ref.key());
    }
    SecretValue value = secret.data().get(ref.key());
    if (value.env().isPresent()) {
      return value.env().get();
    }
    String variable = ComposeNames.secretVariable(ref.secret(), ref.key());
    dotEnv.put(variable, value);
    return variable;
  }
}
