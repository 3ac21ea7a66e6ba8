package io.chainwright.fabric.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainwright.api.Violations;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An identity to register with a Fabric CA: its id, type ({@code peer}, {@code orderer},
 * {@code client}, {@code admin}, ...), and optionally its secret (else the CA makes one up), an
 * affiliation, a cap on enrollments and attributes. {@code toString} shows no secret.
 */
public record CaRegistration(String id, String type, Optional<String> secret, Optional<String> affiliation,
    Optional<Integer> maxEnrollments, Map<String, String> attributes) {
  public CaRegistration {
    Violations v = Violations.root();
    v.require("id", id == null || id.isBlank() ? null : id);
    v.require("type", type == null || type.isBlank() ? null : type);
    maxEnrollments.filter(n -> n < -1).ifPresent(n -> v.add("maxEnrollments", n + ": -1 (none), 0 (the CA's default) or more"));
    v.throwIfAny();
    attributes = new TreeMap<>(attributes);
  }

  public static CaRegistration of(String id, String type) {
    return new CaRegistration(id, type, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }

  public CaRegistration withSecret(String value) {
    return new CaRegistration(id, type, Optional.of(value), affiliation, maxEnrollments, attributes);
  }

  public CaRegistration withAffiliation(String value) {
    return new CaRegistration(id, type, secret, Optional.of(value), maxEnrollments, attributes);
  }

  /** The request body the CA's register endpoint reads: {@code id, type, secret, affiliation, max_enrollments, attrs}. */
  ObjectNode toJson(ObjectMapper json) {
    ObjectNode body = json.createObjectNode().put("id", id).put("type", type);
    secret.ifPresent(s -> body.put("secret", s));
    maxEnrollments.ifPresent(n -> body.put("max_enrollments", n));
    affiliation.ifPresent(a -> body.put("affiliation", a));
    ArrayNode attrs = body.putArray("attrs");
    attributes.forEach((name, value) -> attrs.addObject().put("name", name).put("value", value));
    return body;
  }

  @Override
  public String toString() {
    return "CaRegistration[" + id + ", " + type + (secret.isPresent() ? ", secret hidden" : "") + affiliation.map(a -> ", " + a).orElse("")
        + "]";
  }
}
