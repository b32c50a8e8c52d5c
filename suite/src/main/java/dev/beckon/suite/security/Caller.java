package dev.beckon.suite.security;

import dev.beckon.api.model.ShopId;

/** Who made a merchant-API request: the operator, or one shop by its key. */
public sealed interface Caller {

    record Operator() implements Caller {
    }

    record ShopKey(ShopId shop) implements Caller {
    }

    String PROPERTY = "beckon.caller";
}
