package dev.cowfleet.sim.fleet;

import java.io.Serializable;

/**
 * One host to simulate for a fleet question: which policy, host type and replication, how many
 * workers, what share of the traffic it gets, and when its deploy wave starts.
 *
 * @param host           the host's index in the fleet: keys its random streams
 * @param trafficScale   multiplies the per-host traffic (load-balancer skew)
 * @param deployOffset   seconds after a fleet deploy's start at which this host's wave restarts it
 */
record HostRole(int policy, int hostType, int replication, int host, int workers, double trafficScale,
                double deployOffset) implements Serializable {
}
