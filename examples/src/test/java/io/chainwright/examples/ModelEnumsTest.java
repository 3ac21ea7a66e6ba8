package io.chainwright.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainwright.api.Dependency;
import io.chainwright.api.policy.IsolationRule;
import io.chainwright.api.policy.TrafficPeer;
import io.chainwright.api.policy.TrafficPeerKind;
import io.chainwright.api.scheduling.Toleration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Model enums must be usable from other packages, lambdas included: javac refuses to infer a lambda
 * parameter whose type is declared in a class it cannot see, which is why the enums are top-level
 * types rather than members of the package-private abstract bases.
 */
class ModelEnumsTest {
  @Test
  void lambdasOverModelEnumsCompileOutsideTheModelPackage() {
    Optional<String> effect = Toleration.noSchedule("gpu", "true").effect().map(e -> e.name());
    List<String> conditions = List.of(Dependency.ready("geth")).stream().map(d -> d.condition()).map(c -> c.name()).toList();
    Optional<String> direction = Optional.of(IsolationRule.allowInto("geth", TrafficPeer.monitoring())).map(r -> r.direction()).map(d -> d.name());

    assertThat(effect).contains("NO_SCHEDULE");
    assertThat(conditions).containsExactly("READY");
    assertThat(direction).contains("INGRESS");
    assertThat(TrafficPeer.monitoring().kind()).as("an enum imported by its own name").isEqualTo(TrafficPeerKind.MONITORING);
  }
}
