package dev.flireo.testkit.mock.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class StateStoreTest {

    private final StateStore store = new StateStore();

    @Test
    void exportAndLoadRoundTripWithCreationOrderKept() throws Exception {
        store.collection(Resource.ASSISTANTS)
                .insert((com.fasterxml.jackson.databind.node.ObjectNode) Json.parse("{\"id\":\"b\",\"name\":\"B\"}"));
        store.collection(Resource.ASSISTANTS)
                .insert((com.fasterxml.jackson.databind.node.ObjectNode) Json.parse("{\"id\":\"a\",\"name\":\"A\"}"));
        store.putSingleton(Singleton.ACCOUNT, Json.parse("{\"minutes_balance\":5}"));
        var exported = store.export();
        StateStore copy = new StateStore();
        copy.load(exported);
        assertThat(copy.collection(Resource.ASSISTANTS).list())
                .extracting(n -> n.get("id").asText())
                .containsExactly("b", "a");
        assertThat(copy.singleton(Singleton.ACCOUNT).get("minutes_balance").asInt())
                .isEqualTo(5);
        assertThat(copy.export()).isEqualTo(exported);
    }

    @Test
    void updatesReplaceAtomicallyAndLeaveEarlierReadsUntouched() throws Exception {
        var stored = (com.fasterxml.jackson.databind.node.ObjectNode) Json.parse("{\"id\":\"x\",\"n\":1}");
        store.collection(Resource.NUMBERS).insert(stored);
        var read = store.collection(Resource.NUMBERS).get("x").orElseThrow();
        store.collection(Resource.NUMBERS).update("x", n -> n.put("n", 2));
        assertThat(read.get("n").asInt()).isEqualTo(1);
        assertThat(store.collection(Resource.NUMBERS)
                        .get("x")
                        .orElseThrow()
                        .get("n")
                        .asInt())
                .isEqualTo(2);
        assertThat(store.collection(Resource.NUMBERS).insert(stored)).isFalse();
        assertThat(store.collection(Resource.NUMBERS).update("missing", n -> n)).isEmpty();
    }

    @Test
    void aBadDocumentIsRefusedBeforeAnythingChanges() throws Exception {
        ApiError unknown =
                catchThrowableOfType(ApiError.class, () -> store.load(Json.parse("{\"assistants\":[],\"robots\":[]}")));
        assertThat(unknown.param()).isEqualTo("robots");
        ApiError noId = catchThrowableOfType(
                ApiError.class,
                () -> store.load(Json.parse("{\"assistants\":[{\"id\":\"ok\"},{\"name\":\"no id\"}]}")));
        assertThat(noId.param()).isEqualTo("assistants[1]");
        assertThat(store.collection(Resource.ASSISTANTS).size()).isZero();
    }
}
