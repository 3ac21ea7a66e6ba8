package io.chainwright.compose.host;

import io.chainwright.api.PlatformException;
import io.chainwright.api.SecretValue;
import io.chainwright.compose.ComposeProject;
import io.chainwright.compose.spec.ServiceSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's process environment, as Compose would give it: the service's values with their ports
 * and paths rewritten for the host, then each {@code ${VARIABLE}} substituted from the project's
 * {@code .env} values or the caller's environment. Secret values are substituted after rewriting,
 * so they reach the process byte for byte.
 */
final class ServiceEnvironment {
  /** A variable Compose substitutes, or {@code $$}, which it reads as one {@code $}. */
  private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private ServiceEnvironment() {}

  /**
   * @param base the variables every service gets (the runtime's settings)
   * @param callers the caller's environment, for variables neither the project nor {@code base} holds
   */
  static Map<String, String> of(ComposeProject project, String service, ServiceSpec spec, HostRewriter rewriter,
      Map<String, String> base, Function<String, String> callers) {
    Map<String, String> env = new LinkedHashMap<>(base);
    spec.environment().forEach((name, value) -> env.put(name, substitute(rewriter.rewrite(value), variable ->
        Optional.ofNullable(project.dotEnv().get(variable)).map(ServiceEnvironment::text)
            .or(() -> Optional.ofNullable(base.get(variable)))
            .or(() -> Optional.ofNullable(callers.apply(variable)))
            .orElseThrow(() -> new PlatformException("start", "service " + service, "environment variable " + name + " needs "
                + variable + ", which is not set; set it in the environment, or declare the secret's values in the model")))));
    return env;
  }

  private static String substitute(String value, Function<String, String> lookup) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) == null ? "$" : lookup.apply(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String text(SecretValue value) {
    return new String(value.resolve(), StandardCharsets.UTF_8);
  }
}
