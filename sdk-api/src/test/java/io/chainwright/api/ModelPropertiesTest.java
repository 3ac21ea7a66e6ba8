package io.chainwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.NetworkSpecs.NetworkSpec;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Property-based checks of the model's validation contract: whatever a caller puts into the
 * builders, a model either builds or fails with a {@link ValidationException} that names every
 * problem by path. Never a NullPointerException, IllegalStateException or any other throwable.
 *
 * <p>The generators produce plain "specs" (records of what to build), and {@link ModelBuilder}
 * turns a spec into model values inside the property, the way a user's code would. Keeping
 * building out of the generators means a non-ValidationException fails the property (and is
 * shrunk) instead of breaking generation.
 *
 * <p>Each network is generated at a "chaos" level: the percentage of choices that take a broken
 * alternative (bad names, missing references, out-of-range numbers, nulls). Level 0 produces
 * consistent models, so a good share of networks is valid; higher levels produce everything from
 * one subtle problem to wreckage. Statistics checks keep both shares, and the whole-network
 * problems, from silently disappearing.
 *
 * <p>The properties run without jqwik's edge-case mixing: the value pools already hold the edges
 * that matter, and mixing edge cases into generators this deep multiplied generation time.
 */
class ModelPropertiesTest {

  // ------------------------------------------------------------------------------------------
  // Properties
  // ------------------------------------------------------------------------------------------

  @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
  void randomNetworksFailOnlyWithValidationException(@ForAll("networks") NetworkSpec spec) {
    // Anything but a ValidationException escapes ModelBuilder and fails this property.
    Outcome outcome = ModelBuilder.build(spec);
    // A network that builds must also be a usable value: a null that slipped past validation
    // would otherwise only surface later, as a NullPointerException in hashCode or a backend.
    outcome.network().ifPresent(ModelPropertiesTest::useAsValue);

    Statistics.collect(outcome.isValid() ? "valid" : "invalid");
    Statistics.coverage(c -> {
      c.check("valid").percentage(p -> p > 5);
      c.check("invalid").percentage(p -> p > 5);
    });
    checkThatTheGeneratorReachesTheNetworkChecks(outcome);
  }

  @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
  void everyViolationHasAMessageAndAWellFormedPath(@ForAll("networks") NetworkSpec spec) {
    Outcome outcome = ModelBuilder.build(spec);
    for (ValidationException e : outcome.problems()) {
      assertThat(e.violations()).as("violations of %s", e.getMessage()).isNotEmpty();
      for (Violation v : e.violations()) {
        assertThat(v.message()).as("message of %s", v).isNotNull();
        assertThat(v.path()).as("path of %s", v).isNotNull();
        if (!v.path().isEmpty()) {
          assertThat(v.path()).as("path of '%s'", v).matches(PATH);
        }
      }
    }
  }

  @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
  void validNetworksRoundTripThroughYaml(@ForAll("roundTripNetworks") NetworkSpec spec) {
    Outcome outcome = ModelBuilder.build(spec);
    Statistics.collect(outcome.isValid() ? "round-tripped" : "invalid, skipped");
    Statistics.coverage(c -> c.check("round-tripped").percentage(p -> p > 30));
    if (outcome.network().isEmpty()) {
      return;
    }
    Network original = outcome.network().get();
    String yaml = ModelMapper.toYaml(original);
    Network copy;
    try {
      copy = ModelMapper.fromYaml(yaml, Network.class);
    } catch (ValidationException e) {
      throw new AssertionError("a valid network does not read back:\n" + e.getMessage() + "\n--- YAML ---\n" + yaml, e);
    }
    // copy.equals(original): the copy is fully populated, so a null left in the original
    // shows up as a difference rather than a NullPointerException inside equals.
    assertThat(copy).as("read back from%n%s", yaml).isEqualTo(original);
  }

  /** Segments are identifiers, each optionally keyed: {@code workloads[geth].containers[geth].ports[rpc].number}. */
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\[\\]]+])?(\\.[A-Za-z_][A-Za-z0-9_]*(\\[[^\\[\\]]+])?)*");

  private static void useAsValue(Network network) {
    network.hashCode();
    network.toString();
    assertThat(Network.builder().from(network).build()).isEqualTo(network);
  }

  /**
   * Guards against the generator quietly losing its reach: each of these whole-network problems
   * must come up now and then, or the properties above test much less than they seem to.
   */
  private static void checkThatTheGeneratorReachesTheNetworkChecks(Outcome outcome) {
    List<String> messages = outcome.problems().stream()
        .flatMap(e -> e.violations().stream()).map(Violation::message).toList();
    for (String[] problem : NETWORK_PROBLEMS) {
      String label = problem[0];
      boolean found = messages.stream().anyMatch(m -> m.contains(problem[1]));
      Statistics.label(label).collect(found);
      Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p > 0.1));
    }
  }

  private static final String[][] NETWORK_PROBLEMS = {
      {"dependency cycle", "dependency cycle"},
      {"missing workload", "is not a workload of this network"},
      {"missing secret", "is not a secret of this network"},
      {"missing secret key", "has no key"},
      {"missing storage class", "is not a storage class of this network"},
      {"missing volume", "is not a volume of this workload"},
      {"node port clash", "is already used by workloads"},
      {"cron without schedule", "a cron job needs a schedule"},
      {"probe on missing port", "is not a port of this container"},
      {"request above limit", "is above the limit"},
      {"min above max", "is above maxReplicas"},
      {"exposed internal-only port", "this port is internal-only"},
      {"ingress without TLS", "an ingress needs TLS"},
  };

  @Provide
  Arbitrary<NetworkSpec> networks() {
    return RandomNetworks.networks();
  }

  @Provide
  Arbitrary<NetworkSpec> roundTripNetworks() {
    return RandomNetworks.roundTripNetworks();
  }
}
