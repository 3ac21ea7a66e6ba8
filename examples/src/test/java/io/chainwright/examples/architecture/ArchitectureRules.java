package io.chainwright.examples.architecture;

import io.chainwright.examples.architecture.SourceTree.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module boundaries of the design, checked over source text: domains know chains, backends
 * know platforms, sdk-api knows neither, no packages form a cycle, and no file grows long without a
 * reason. Each rule returns one line
 * per breach, naming the file and what it refers to.
 */
final class ArchitectureRules {
  static final Set<String> DOMAINS = Set.of("sdk-fabric", "sdk-ethereum", "sdk-l2", "sdk-zk");
  static final Set<String> BACKENDS = Set.of("sdk-kubernetes", "sdk-compose");

  /** What a domain must not touch: platform client libraries and the backends themselves. */
  private static final List<String> PLATFORM_TYPES = List.of("io.fabric8", "io.chainwright.kubernetes", "io.chainwright.compose");
  private static final List<String> CHAIN_PACKAGES = List.of("io.chainwright.fabric", "io.chainwright.ethereum",
      "io.chainwright.l2", "io.chainwright.zk");
  /** Names of chains and their clients; a backend's code and comments use none of them. */
  private static final Pattern CHAIN_WORDS = Pattern.compile("\\b(geth|besu|nethermind|erigon|reth|lighthouse|prysm|teku|nimbus"
      + "|lodestar|hyperledger|fabric|anvil|foundry|ethereum|optimism|arbitrum|nitro|zksync|polygon|chaincode|orderer)\\b");
  /** All that sdk-api may depend on besides the JDK. */
  private static final List<String> API_ALLOWED = List.of("java.", "io.chainwright.api", "com.fasterxml.jackson",
      "org.immutables", "org.slf4j");

  /**
   * Cycles the design accepts, each for a reason. The model's root and its packages for policies,
   * material, probes, volumes, exposure and scheduling are one model, split so that each family
   * reads on its own: a {@code Network} holds its policies and workloads, whose containers hold
   * probes, volumes, exposed ports and scheduling, and each of those uses the model's names,
   * quantities and validation; network parts take their generated material from a
   * {@code Materials} view, whose pieces come back as the model's {@code SecretValue}s and whose
   * failures are the model's {@code MaterialException}s. Breaking the cycle would move
   * {@code Violations}, {@code Names} and the exception family, which every domain uses, for no
   * reader's gain.
   */
  static final Set<String> ACCEPTED_CYCLES = Set.of(
      "io.chainwright.api -> io.chainwright.api.exposure -> io.chainwright.api.material -> io.chainwright.api.policy"
          + " -> io.chainwright.api.probe -> io.chainwright.api.scheduling -> io.chainwright.api.volume -> io.chainwright.api");

  static final int MAX_LINES = 300;
  static final String LONG_BECAUSE = "Long because";
  private static final Pattern TYPE_DECLARATION = Pattern.compile(
      "(?m)^(public |abstract |final |sealed |non-sealed )*(class|interface|enum|record|@interface) ");

  private final SourceTree tree;

  ArchitectureRules(SourceTree tree) {
    this.tree = tree;
  }

  /** Domains compile into the neutral model; they never use a backend's or a platform's types. */
  List<String> domainsUseNoPlatformTypes() {
    List<String> breaches = new ArrayList<>();
    for (SourceFile f : tree.files()) {
      if (DOMAINS.contains(f.module())) {
        f.references().stream().filter(r -> startsWithAny(r, PLATFORM_TYPES))
            .forEach(r -> breaches.add(f.path() + " (domain " + f.module() + ") uses " + r));
      }
    }
    return breaches;
  }

  /** Backends know platforms, not chains: no domain types and no chain or client names. */
  List<String> backendsNameNoChain() {
    List<String> breaches = new ArrayList<>();
    for (SourceFile f : tree.files()) {
      if (!BACKENDS.contains(f.module())) {
        continue;
      }
      f.references().stream().filter(r -> startsWithAny(r, CHAIN_PACKAGES))
          .forEach(r -> breaches.add(f.path() + " (backend " + f.module() + ") uses " + r));
      // Imports are checked above; the words are looked for in code and comments.
      Matcher m = CHAIN_WORDS.matcher(f.text().replaceAll("(?m)^import .*$", "").toLowerCase(Locale.ROOT));
      Set<String> words = new TreeSet<>();
      while (m.find()) {
        words.add(m.group(1));
      }
      if (!words.isEmpty()) {
        breaches.add(f.path() + " (backend " + f.module() + ") names " + String.join(", ", words));
      }
    }
    return breaches;
  }

  /** The model depends on the JDK, Jackson, Immutables and SLF4J only. */
  List<String> apiDependsOnItsSmallSet() {
    List<String> breaches = new ArrayList<>();
    for (SourceFile f : tree.files()) {
      if (f.module().equals("sdk-api")) {
        f.references().stream().filter(r -> !startsWithAny(r, API_ALLOWED))
            .forEach(r -> breaches.add(f.path() + " (sdk-api) uses " + r));
      }
    }
    return breaches;
  }

  /**
   * Main sources longer than {@link #MAX_LINES} lines, unless their header comment says why with
   * {@link #LONG_BECAUSE}: a long file usually holds more than one job.
   */
  List<String> longFilesWithoutAReason() {
    List<String> breaches = new ArrayList<>();
    for (SourceFile f : tree.files()) {
      long lines = f.text().lines().count();
      if (lines > MAX_LINES && !header(f.text()).contains(LONG_BECAUSE)) {
        breaches.add(f.path() + " has " + lines + " lines and no '" + LONG_BECAUSE + "' in its header comment");
      }
    }
    return breaches;
  }

  /** The text before the first type declaration: package, imports and the type's own comment. */
  private static String header(String text) {
    Matcher m = TYPE_DECLARATION.matcher(text);
    return m.find() ? text.substring(0, m.start()) : text;
  }

  /** Chainwright packages that depend on each other in a circle, each circle as {@code a -> b -> a}. */
  List<String> packageCycles() {
    Map<String, Set<String>> edges = new TreeMap<>();
    Set<String> packages = new TreeSet<>();
    tree.files().forEach(f -> packages.add(f.pkg()));
    for (SourceFile f : tree.files()) {
      Set<String> out = edges.computeIfAbsent(f.pkg(), k -> new TreeSet<>());
      for (String r : f.references()) {
        String target = packageOf(r, packages);
        if (target != null && !target.equals(f.pkg())) {
          out.add(target);
        }
      }
    }
    return new Tarjan(edges).cycles().stream().filter(c -> !ACCEPTED_CYCLES.contains(c)).toList();
  }

  /** The Chainwright package a reference points into: a type's package, or the package itself for {@code pkg.*}. */
  private static String packageOf(String reference, Set<String> packages) {
    String candidate = reference.endsWith(".*") ? reference.substring(0, reference.length() - 2) : reference;
    while (!candidate.isEmpty()) {
      if (packages.contains(candidate)) {
        return candidate;
      }
      int dot = candidate.lastIndexOf('.');
      candidate = dot < 0 ? "" : candidate.substring(0, dot);
    }
    return null;
  }

  private static boolean startsWithAny(String reference, List<String> prefixes) {
    return prefixes.stream().anyMatch(p -> reference.equals(p) || reference.startsWith(p.endsWith(".") ? p : p + "."));
  }

  /** Strongly connected components of more than one package, found by Tarjan's algorithm. */
  private static final class Tarjan {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<String> cycles = new ArrayList<>();
    private int next;

    Tarjan(Map<String, Set<String>> edges) {
      this.edges = edges;
    }

    List<String> cycles() {
      edges.keySet().forEach(p -> {
        if (!index.containsKey(p)) {
          visit(p);
        }
      });
      return cycles;
    }

    private void visit(String p) {
      index.put(p, next);
      low.put(p, next);
      next++;
      stack.push(p);
      onStack.add(p);
      for (String q : edges.getOrDefault(p, Set.of())) {
        if (!index.containsKey(q)) {
          visit(q);
          low.put(p, Math.min(low.get(p), low.get(q)));
        } else if (onStack.contains(q)) {
          low.put(p, Math.min(low.get(p), index.get(q)));
        }
      }
      if (low.get(p).equals(index.get(p))) {
        List<String> component = new ArrayList<>();
        String q;
        do {
          q = stack.pop();
          onStack.remove(q);
          component.add(q);
        } while (!q.equals(p));
        if (component.size() > 1) {
          component.sort(null);
          component.add(component.get(0));
          cycles.add(String.join(" -> ", component));
        }
      }
    }
  }
}
