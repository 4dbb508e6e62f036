/**
 * The strict JSON reader behind the config loader. Not exported: its tree keeps the line
 * and column of every key and value so that config errors can point at them, which is
 * all the loader needs and more than a general JSON API should promise.
 */
package org.lightwire.config.internal;
