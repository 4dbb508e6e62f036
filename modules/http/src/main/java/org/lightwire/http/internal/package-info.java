/** The implementation of {@code org.lightwire.http}: one class per job. Not API. */
package org.lightwire.http.internal;
