/**
 * The raw roles (lws roles raw-skt, raw-file and udp): connections whose bytes or
 * datagrams go to a {@link org.lightwire.api.raw.RawProtocol} uninterpreted.
 */
module org.lightwire.role.raw {
    requires org.lightwire.spi;

    provides org.lightwire.spi.Role with
            org.lightwire.role.raw.RawSocketRole,
            org.lightwire.role.raw.RawFileRole,
            org.lightwire.role.raw.UdpRole;
}
