package org.lightwire.role.ws.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 6455 §9.1 (header grammar), RFC 7692 §5 and §7.1 (negotiation). */
class PerMessageDeflateNegotiationTest {

    private static final PerMessageDeflate.Options DEFAULT = PerMessageDeflate.Options.DEFAULT;

    private static DeflateParameters params(String element, boolean offer) throws MalformedExtensionException {
        return DeflateParameters.parse(ExtensionHeader.parse(element).get(0).params(), offer);
    }

    private static String accepted(String offer) {
        return PerMessageDeflate.acceptOffer(offer, DEFAULT).map(DeflateParameters::toHeaderValue).orElse("declined");
    }

    // header grammar

    @Test
    void headerListsExtensionsWithParametersAndQuotedValuesRfc6455Section91() throws Exception {
        List<ExtensionHeader.Extension> list = ExtensionHeader.parse(
                "x-foo, permessage-deflate ;client_max_window_bits; server_max_window_bits=\"10\" ,, permessage-deflate");
        assertEquals(3, list.size());
        assertEquals("x-foo", list.get(0).name());
        assertEquals(List.of(new ExtensionHeader.Param("client_max_window_bits", null),
                new ExtensionHeader.Param("server_max_window_bits", "10")), list.get(1).params());
        assertEquals(List.of(), list.get(2).params());
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String bad : new String[] {"permessage-deflate;", "permessage-deflate; =1", "permessage-deflate x",
                "permessage-deflate; a=\"1", "permessage-deflate; a=\"\"", "permessage-deflate; a=\"1 0\"",
                "permessage-deflate; a=", ";a", "p\u00e9"}) {
            assertThrows(MalformedExtensionException.class, () -> ExtensionHeader.parse(bad), bad);
        }
    }

    // parameters

    @Test
    void allParametersAreReadRfc7692Section71() throws Exception {
        assertEquals(new DeflateParameters(true, true, 10, DeflateParameters.NO_VALUE), params(
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover;"
                        + " server_max_window_bits=10; client_max_window_bits", true));
        assertEquals(8, params("permessage-deflate; client_max_window_bits=8", false).clientMaxWindowBits());
    }

    @Test
    void badParametersAreRefusedRfc7692Section71() {
        for (String bad : new String[] {
                "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
                "permessage-deflate; client_max_window_bits; client_max_window_bits=9",
                "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10",
                "permessage-deflate; client_no_context_takeover=1",
                "permessage-deflate; server_max_window_bits",
                "permessage-deflate; server_max_window_bits=7",
                "permessage-deflate; server_max_window_bits=16",
                "permessage-deflate; server_max_window_bits=08",
                "permessage-deflate; client_max_window_bits=abc",
                "permessage-deflate; mystery"}) {
            assertThrows(MalformedExtensionException.class, () -> params(bad, true), bad);
        }
    }

    @Test
    void responseMustGiveClientMaxWindowBitsAValueRfc7692Section7122() {
        assertThrows(MalformedExtensionException.class,
                () -> params("permessage-deflate; client_max_window_bits", false));
    }

    @Test
    void parametersFormatBackToTheirHeader() throws Exception {
        String text = "permessage-deflate; server_no_context_takeover; client_no_context_takeover;"
                + " server_max_window_bits=12; client_max_window_bits";
        assertEquals(text, params(text, true).toHeaderValue());
    }

    // server side

    @Test
    void plainOfferIsAccepted() {
        assertEquals("permessage-deflate", accepted("permessage-deflate"));
    }

    @Test
    void serverNoContextTakeoverOfferedIsConfirmedRfc7692Section7111() {
        assertEquals("permessage-deflate; server_no_context_takeover",
                accepted("permessage-deflate; server_no_context_takeover"));
    }

    @Test
    void clientMaxWindowBitsOfferIsAcceptedWithoutLimitingTheClientRfc7692Section7122() {
        assertEquals("permessage-deflate", accepted("permessage-deflate; client_max_window_bits"));
        assertEquals("permessage-deflate", accepted("permessage-deflate; client_max_window_bits=9"));
    }

    @Test
    void serverWindowBelow15IsDeclinedBecauseTheJdkCannotHonourItRfc7692Section7121() {
        assertEquals("declined", accepted("permessage-deflate; server_max_window_bits=10"));
        assertEquals("permessage-deflate; server_max_window_bits=15",
                accepted("permessage-deflate; server_max_window_bits=15"));
    }

    @Test
    void declinedOffersFallBackToTheNextOneRfc7692Section5() {
        assertEquals("permessage-deflate; client_no_context_takeover", accepted(
                "permessage-deflate; server_max_window_bits=9, permessage-deflate; bogus,"
                        + " permessage-deflate; client_no_context_takeover"));
    }

    @Test
    void otherExtensionsAndBrokenHeadersAreDeclined() {
        assertEquals("declined", accepted("x-webkit-deflate-frame"));
        assertEquals("declined", accepted("permessage-deflate; ="));
        assertEquals("declined", accepted(""));
    }

    @Test
    void serverOptionsAddNoContextTakeover() {
        Optional<DeflateParameters> agreed = PerMessageDeflate.acceptOffer("permessage-deflate",
                new PerMessageDeflate.Options(true, true, 6));
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                agreed.orElseThrow().toHeaderValue());
        assertTrue(agreed.get().senderResetsContext(true));
        assertTrue(agreed.get().receiverResetsContext(true));
    }

    // client side

    @Test
    void clientOfferNeverLimitsWindows() {
        assertEquals("permessage-deflate; client_no_context_takeover",
                PerMessageDeflate.offer(new PerMessageDeflate.Options(false, true, -1)).toHeaderValue());
    }

    @Test
    void clientAcceptsAnyServerWindowAndNoContextTakeover() throws Exception {
        DeflateParameters offer = PerMessageDeflate.offer(DEFAULT);
        DeflateParameters agreed = PerMessageDeflate.acceptResponse(
                "permessage-deflate; server_max_window_bits=9; client_no_context_takeover", offer).orElseThrow();
        assertEquals(9, agreed.serverMaxWindowBits());
        assertTrue(agreed.senderResetsContext(false));
        assertEquals(Optional.empty(), PerMessageDeflate.acceptResponse("", offer));
    }

    @Test
    void clientFailsOnResponsesItCannotAcceptRfc7692Section51() {
        DeflateParameters offer = PerMessageDeflate.offer(DEFAULT);
        for (String bad : new String[] {
                "permessage-deflate; client_max_window_bits=15",
                "permessage-deflate, permessage-deflate",
                "permessage-deflate; server_max_window_bits=20",
                "permessage-deflate; mystery",
                "permessage-deflate;"}) {
            assertThrows(MalformedExtensionException.class, () -> PerMessageDeflate.acceptResponse(bad, offer), bad);
        }
        DeflateParameters askingServerReset = PerMessageDeflate.offer(new PerMessageDeflate.Options(true, false, -1));
        assertThrows(MalformedExtensionException.class,
                () -> PerMessageDeflate.acceptResponse("permessage-deflate", askingServerReset));
    }

    @Test
    void clientRefusesAClientWindowLimitItCannotHonour() {
        DeflateParameters offered = new DeflateParameters(false, false, DeflateParameters.ABSENT, DeflateParameters.NO_VALUE);
        assertThrows(MalformedExtensionException.class,
                () -> PerMessageDeflate.acceptResponse("permessage-deflate; client_max_window_bits=10", offered));
    }

    @Test
    void compressionLevelIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PerMessageDeflate.Options(false, false, 10));
    }
}
