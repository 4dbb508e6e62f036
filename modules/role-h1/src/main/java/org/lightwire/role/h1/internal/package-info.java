/** The h1 server side: the connection state machine, request model, exchange and response writing. */
package org.lightwire.role.h1.internal;
