package io.chainwright.kubernetes.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;

/**
 * Whether a live object already has everything the rendering asks for. Fields the server adds
 * (status, defaults, resource versions) are ignored: only what we set is compared.
 */
final class Drift {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Drift() {}

  static boolean upToDate(HasMetadata desired, HasMetadata live) {
    return contains(tree(live), tree(desired));
  }

  private static JsonNode tree(HasMetadata o) {
    return SERIALIZATION.convertValue(o, JsonNode.class);
  }

  private static boolean contains(JsonNode live, JsonNode wanted) {
    if (wanted == null || wanted.isNull()) {
      return true;
    }
    if (live == null || live.isNull() || live.isMissingNode()) {
      return wanted.isEmpty() && (wanted.isArray() || wanted.isObject());
    }
    if (wanted.isObject()) {
      if (!live.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!contains(live.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isArray()) {
      if (!live.isArray() || live.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!contains(live.get(i), wanted.get(i))) {
          return false;
        }
      }
      return true;
    }
    return wanted.asText().equals(live.asText());
  }
}
