package dev.securebuild.provenance.gate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.aether.resolution.ArtifactResolutionException;

import dev.securebuild.shared.results.GoalResult;
import dev.securebuild.shared.results.GoalResults;
import dev.securebuild.shared.secrets.KnownSecrets;
import dev.securebuild.shared.location.Location;
import dev.securebuild.shared.location.LocationReader;

/**
 * One run of the release gate, as the release-gate goal does it: load the gate policy, read every result file of the
 * gated modules, decide ({@link ReleaseGate}) and write release-gate.json, .md and .html. Every IOException names the step
 * that failed and the file: the caller shows its message as it is.
 */
public final class ReleaseGateRun {

    /**
     * @param gatePolicy    the policy as configured (a path from the top of the reactor, a URL or coordinates); null or
     *                      blank: {@link GatePolicy#DEFAULT}
     * @param locations     reads it: paths from the top of the reactor
     * @param project       {@code groupId:artifactId} of the top-level project, and its version
     * @param modules       the gated modules ({@code groupId:artifactId}), in reactor order
     * @param notGated      the reactor's other modules, each with why it is not gated
     * @param resultFolders the folders of their result files, each read once
     * @param buildStarted  results decided before this are an earlier build's; null accepts them all
     * @param approval      the ticket given, or null
     * @param environment   where the CI's actor, who gives the approval, is read from; else {@code userName}
     * @param output        the folder of the reports
     */
    public record Request(String gatePolicy, LocationReader locations, String project, String version, List<String> modules,
                          List<GateDecision.NotGated> notGated, List<Path> resultFolders,
                          Instant buildStarted, String approval, Map<String, String> environment, String userName, Path output) {}

    private final Clock clock;
    private final KnownSecrets secrets;

    /** @param secrets values the reports must not show (a result's summary may quote one) */
    public ReleaseGateRun(Clock clock, KnownSecrets secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    public ReleaseGateOutcome run(Request request) throws IOException {
        GatePolicy policy = policy(request.gatePolicy(), request.locations());
        List<GoalResult> results = new ArrayList<>();
        for (Path folder : request.resultFolders()) {
            try {
                results.addAll(GoalResults.readAll(folder));
            } catch (IOException e) {
                throw new IOException("The release gate cannot read a result: " + e.getMessage(), e);
            }
        }
        Instant started = request.buildStarted() == null ? null : request.buildStarted().truncatedTo(ChronoUnit.SECONDS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String approval = request.approval();
        String approver = approval == null || approval.isBlank() ? null : Approvers.who(request.environment(), request.userName());
        GateDecision decision = new ReleaseGate(policy).decide(new ReleaseGate.Inputs(request.project(), request.version(), request.modules(),
                results, started, now, LocalDate.ofInstant(now, ZoneOffset.UTC), approval, approver, request.notGated()));
        try {
            GateReports.writeAll(decision, request.output(), secrets);
        } catch (IOException e) {
            throw new IOException("Cannot write the release gate's reports to " + request.output() + ": " + e.getMessage(), e);
        }
        return new ReleaseGateOutcome(decision, request.output());
    }

    /** The reports' folder: as configured, relative to the top-level project; none: its {@code target/secure-build/release-gate}. */
    public static Path outputFolder(Path base, Path buildDirectory, String configured) {
        return configured == null || configured.isBlank() ? buildDirectory.resolve("secure-build").resolve("release-gate") : base.resolve(configured);
    }

    /**
     * An invalid policy is refused with its own message (file, line, what was expected); one that cannot be read names
     * it. The policy is a path from the top of the reactor, a URL or Maven coordinates ({@link Location}).
     */
    private static GatePolicy policy(String gatePolicy, LocationReader locations) throws IOException {
        if (gatePolicy == null || gatePolicy.isBlank()) {
            return GatePolicy.DEFAULT;
        }
        Location location = locations.locate(gatePolicy, "gatePolicy");
        Object named = location.kind() == Location.Kind.PATH ? locations.path(location) : location;
        try {
            GatePolicy read = locations.read(location, "release-gate-policy", GatePolicyLoader::load);
            // The reports name it as configured (coordinates, a URL without token), never by the machine's file.
            return read.withSource(location.shown(locations.base()));
        } catch (GatePolicyLoader.InvalidGatePolicyException e) {
            throw e;
        } catch (IOException | ArtifactResolutionException e) {
            throw new IOException("Cannot read the release gate policy " + named + ": " + e.getMessage(), e);
        }
    }
}
