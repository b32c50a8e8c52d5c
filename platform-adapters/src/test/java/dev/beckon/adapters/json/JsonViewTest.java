package dev.beckon.adapters.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonViewTest {

    @Test
    void bodiesThatAreNotAJsonObjectAreMalformedNotACrash() {
        for (String body : new String[] {"", "{", "[1,2]", "\"text\"", "{\"a\":}", "\u0000"}) {
            assertThatThrownBy(() -> JsonView.parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body).isInstanceOf(MalformedPayloadException.class);
        }
    }

    @Test
    void jsonNestedDeeperThanTheParserAllowsIsMalformedNotACrash() {
        byte[] deep = ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonView.parse(deep)).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void anObjectIsRead() {
        assertThat(JsonView.parse("{\"id\": 1}".getBytes(StandardCharsets.UTF_8))).isNotNull();
    }
}
