/** The raw roles. Nothing here is API: the roles are reached by name through the registry. */
package org.lightwire.role.raw;
