/**
 * The match and target extensions iptables knows ({@code -m tcp}, {@code -j REJECT} …) as data:
 * each {@link org.packetpath.engine.ext.ModuleSpec} lists its options, how each argument is
 * checked and canonicalised, the order iptables-save prints them in, and where the extension may
 * be used. {@link org.packetpath.engine.ext.Extensions} is the registry.
 *
 * <p>One class per family of extensions; each adds its specs to the registry in {@code
 * Extensions}.
 */
package org.packetpath.engine.ext;
