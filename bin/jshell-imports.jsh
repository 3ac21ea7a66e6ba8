// Imports bin/jshell loads into every session: the model, backends, domains and examples.
import java.nio.file.*;
import java.time.*;
import java.math.BigInteger;
import io.chainwright.api.*;
import io.chainwright.api.backend.*;
import io.chainwright.api.material.*;
import io.chainwright.api.tools.*;
import io.chainwright.compose.*;
import io.chainwright.compose.host.*;
import io.chainwright.kubernetes.*;
import io.chainwright.ethereum.*;
import io.chainwright.ethereum.client.*;
import io.chainwright.ethereum.devnet.*;
import io.chainwright.fabric.*;
import io.chainwright.fabric.devnet.*;
import io.chainwright.examples.*;
