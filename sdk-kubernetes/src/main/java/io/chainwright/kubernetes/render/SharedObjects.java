package io.chainwright.kubernetes.render;

import io.chainwright.api.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects that networks share with each other (storage classes, snapshot classes, namespaces
 * of other operators): one cluster holds one of each, so every network that renders one must
 * render it the same.
 */
public final class SharedObjects {
  private SharedObjects() {}

  /** Whether {@code o} is shared between networks rather than owned by one. */
  public static boolean isShared(RenderedObject o) {
    Map<String, String> labels = o.object().getMetadata().getLabels();
    return labels != null && "true".equals(labels.get(Labels.SHARED)) && !labels.containsKey(Labels.NETWORK);
  }

  /**
   * Where networks rendered to one cluster disagree on an object they share: one violation per
   * shared object that a network renders differently from the first network that rendered it.
   *
   * @param byNetwork each network's name and its rendered objects
   */
  public static List<Violation> disagreements(Map<String, List<RenderedObject>> byNetwork) {
    Map<String, String> firstNetwork = new LinkedHashMap<>();
    Map<String, RenderedObject> first = new LinkedHashMap<>();
    List<Violation> violations = new ArrayList<>();
    byNetwork.forEach((network, objects) -> objects.stream().filter(SharedObjects::isShared).forEach(o -> {
      String identity = o.object().getApiVersion() + "/" + o.describe();
      RenderedObject earlier = first.putIfAbsent(identity, o);
      if (earlier == null) {
        firstNetwork.put(identity, network);
      } else if (!earlier.object().equals(o.object())) {
        violations.add(new Violation("networks[" + network + "]", o.describe() + " is shared between networks, and network '"
            + firstNetwork.get(identity) + "' defines it differently; give one a name of its own or make them the same"));
      }
    }));
    return violations;
  }
}
