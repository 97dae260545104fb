/**
 * The user's real application as cowfleet drives it: the request mix it is served ({@link
 * dev.cowfleet.sim.app.RequestMix}), shared by {@code calibrate --app} and {@code observe}.
 */
package dev.cowfleet.sim.app;
