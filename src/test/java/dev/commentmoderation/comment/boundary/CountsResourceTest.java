package dev.commentmoderation.comment.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.commentmoderation.platform.web.InvalidParameter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CountsResourceTest {

  @Test
  void idsAreTakenInOrderTrimmedAndWithoutRepeats() {
    assertEquals(
        List.of("news-1", "a.b:c_d", "x"), CountsResource.articleIds(" news-1,a.b:c_d , x,news-1"));
  }

  @Test
  void aHundredIdsAreTakenAndOneMoreIsRefused() {
    String hundred =
        IntStream.rangeClosed(1, 100).mapToObj(i -> "a" + i).collect(Collectors.joining(","));
    assertEquals(100, CountsResource.articleIds(hundred).size());
    var refused =
        assertThrows(InvalidParameter.class, () -> CountsResource.articleIds(hundred + ",a101"));
    assertEquals("articles", refused.field());
  }

  @Test
  void missingEmptyOrInvalidIdsAreRefused() {
    for (String bad :
        new String[] {
          null, "", " ", "a,,b", "a,", "a b", "a;b", "<script>", "x".repeat(129), "статья"
        }) {
      assertThrows(
          InvalidParameter.class, () -> CountsResource.articleIds(bad), String.valueOf(bad));
    }
  }
}
