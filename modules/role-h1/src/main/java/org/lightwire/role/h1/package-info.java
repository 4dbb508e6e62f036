/** The h1 role. Nothing here is API: the role is reached by name ("h1") through the registry. */
package org.lightwire.role.h1;
