package io.taskbot.query.readmodel;

import java.time.Instant;
import java.util.List;

/**
 * The pointer document of one read model, as read at one moment.
 *
 * @param name             the read model
 * @param active           the generation queries read
 * @param lastGeneration   the highest generation ever used; the next rebuild takes the one after it
 * @param rebuilding       the generation being filled, or null
 * @param prepared         whether that generation's collections are ready for its processor
 * @param rebuildStartedAt when that rebuild was asked for
 * @param switching        whether a node is moving queries to the rebuilt generation; the active generation's
 *                         processor is stopped everywhere meanwhile
 * @param leaseOwner       the node that does the switch
 * @param leaseUntil       until when its lease holds; afterwards another node may take the switch over
 * @param retired          replaced generations whose collections and tokens are still to be dropped
 * @param switchedAt       when the latest switch happened
 */
record Pointer(String name, int active, int lastGeneration, Integer rebuilding, boolean prepared,
               Instant rebuildStartedAt, boolean switching, String leaseOwner, Instant leaseUntil,
               List<Integer> retired, Instant switchedAt) {

    Pointer {
        retired = retired == null ? List.of() : List.copyOf(retired);
    }

    boolean rebuildReady() {
        return rebuilding != null && prepared;
    }

    boolean leaseExpired(Instant now) {
        return leaseUntil == null || leaseUntil.isBefore(now);
    }
}
