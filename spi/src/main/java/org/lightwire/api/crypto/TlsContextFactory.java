package org.lightwire.api.crypto;

/**
 * Builds {@link TlsContext}s from PEM material: the backend's TLS implementation (JSSE for
 * the JDK backend, BCJSSE for BouncyCastle). Unreadable PEM is a
 * {@link BadEncodingException}, a key not matching the certificate a
 * {@link BadKeyException}, an unknown protocol or suite a {@link BadParameterException}.
 */
public interface TlsContextFactory {

    TlsContext create(TlsSettings settings);
}
