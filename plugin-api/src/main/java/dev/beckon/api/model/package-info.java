/**
 * Value types of the canonical model: ids, money, shoppers and their consent. All are immutable records,
 * safe to share between threads.
 */
package dev.beckon.api.model;
