package io.chainwright.api.probe;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Optional;

/**
 * What a probe does: HTTP, TCP, exec, gRPC or a JSON-RPC call. The family is closed, so a
 * {@code switch} over its five types needs no default.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = HttpCheck.class, name = "http"),
  @JsonSubTypes.Type(value = TcpCheck.class, name = "tcp"),
  @JsonSubTypes.Type(value = ExecCheck.class, name = "exec"),
  @JsonSubTypes.Type(value = GrpcCheck.class, name = "grpc"),
  @JsonSubTypes.Type(value = JsonRpcCheck.class, name = "json-rpc")
})
public sealed interface ProbeCheck permits AbstractHttpCheck, AbstractTcpCheck, AbstractExecCheck, AbstractGrpcCheck, AbstractJsonRpcCheck {
  /** The named port the check talks to, if it talks to one. */
  Optional<String> port();
}
