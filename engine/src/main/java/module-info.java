/**
 * The PacketPath engine: the iptables rules language and a simulator of the Linux netfilter
 * pipeline. The exported packages are the API the lab, the grader, the site and a JShell user
 * call; the extensions' option tables and argument readers ({@code ext}) are machinery and stay
 * inside.
 */
module org.packetpath.engine {
  requires org.snakeyaml.engine;

  exports org.packetpath.engine.explain;
  exports org.packetpath.engine.input;
  exports org.packetpath.engine.net;
  exports org.packetpath.engine.packet;
  exports org.packetpath.engine.parse;
  exports org.packetpath.engine.pipeline;
  exports org.packetpath.engine.rules;
  exports org.packetpath.engine.sim;
  exports org.packetpath.engine.topology;
  exports org.packetpath.engine.trace;
  exports org.packetpath.engine.trace.view;
  exports org.packetpath.engine.yaml;

  // The documented example topology is read by other modules as a resource.
  opens org.packetpath.engine.topology;
}
