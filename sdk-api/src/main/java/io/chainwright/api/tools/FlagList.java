package io.chainwright.api.tools;

import io.chainwright.api.Violations;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The flags one client accepts at one release, kept beside the code that renders them as facts read
 * from that release's own sources, so that a flag the release does not know is refused before
 * anything is deployed: {@code tag}, then one {@code flag}, {@code deprecated} or
 * {@code value <flag> <allowed values...>} line each; {@code #} starts a comment.
 *
 * @param tag the release the list describes
 * @param flags every flag the release accepts, as its own source names them
 * @param deprecated flags the release still accepts but marks deprecated
 * @param values the only values some flags take
 * @param spelling maps a flag as written on the command line to the name the client's source uses
 */
public record FlagList(String tag, Set<String> flags, Set<String> deprecated, Map<String, Set<String>> values,
    UnaryOperator<String> spelling) {
  /** Reads the list {@code name}, a resource beside {@code owner} such as {@code nitro.flags}; flags are spelled as written. */
  public static FlagList load(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no flag list " + name + " beside " + owner.getName());
      }
      return read(name, in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the flag list " + name + " beside " + owner.getName(), e);
    }
  }

  private static FlagList read(String resource, InputStream in) throws IOException {
    String tag = null;
    Set<String> flags = new HashSet<>();
    Set<String> deprecated = new HashSet<>();
    Map<String, Set<String>> values = new HashMap<>();
    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
      String[] words = line.strip().split("\\s+");
      switch (words[0]) {
        case "tag" -> tag = words[1];
        case "flag" -> flags.add(words[1]);
        case "deprecated" -> deprecated.add(words[1]);
        case "value" -> values.put(words[1], Set.of(Arrays.copyOfRange(words, 2, words.length)));
        default -> {
          if (!words[0].isEmpty() && !words[0].startsWith("#")) {
            throw new IllegalArgumentException(resource + ": cannot read '" + line + "'");
          }
        }
      }
    }
    return new FlagList(Objects.requireNonNull(tag, resource + " names no tag"), Set.copyOf(flags), Set.copyOf(deprecated),
        Map.copyOf(values), UnaryOperator.identity());
  }

  /** This list, for a client that reads a flag written as {@code --x} under the name {@code spelling.apply("x")}. */
  public FlagList spelledBy(UnaryOperator<String> spelling) {
    return new FlagList(tag, flags, deprecated, values, spelling);
  }

  /**
   * Adds to {@code v}, under {@code field}, what is wrong with the extra arguments a user gives a
   * client that runs this release, each with the way out: an image of the user's own, which this
   * list does not describe.
   */
  public void checkExtraArgs(Violations v, String field, List<String> args) {
    problems(args).forEach(p -> v.add(field, p + "; to pass it anyway, pin an image of your own"));
  }

  /**
   * What is wrong with {@code args} for this release: flags it does not know, flags it marks
   * deprecated, values it does not take.
   */
  public List<String> problems(List<String> args) {
    List<String> problems = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        continue;
      }
      int eq = arg.indexOf('=');
      String name = spelling.apply(arg.substring(2, eq < 0 ? arg.length() : eq));
      String value = eq < 0 ? null : arg.substring(eq + 1);
      if (deprecated.contains(name)) {
        problems.add(arg + ": deprecated at " + tag);
      } else if (!flags.contains(name)) {
        problems.add(arg + ": not a flag of " + tag);
      } else if (value != null && values.containsKey(name) && !values.get(name).contains(value)) {
        problems.add(arg + ": " + tag + " takes only " + new TreeSet<>(values.get(name)));
      }
    }
    return problems;
  }
}
