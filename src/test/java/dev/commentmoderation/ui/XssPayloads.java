package dev.commentmoderation.ui;

import java.util.List;

/**
 * Markup and script a hostile reader might post. Each one, if it ever ran, would set {@code
 * window.__xss} (or open an alert); rendered as text it shows literally and does nothing.
 */
final class XssPayloads {

  private XssPayloads() {}

  static final List<String> BODIES =
      List.of(
          "<script>window.__xss=1</script>",
          "<img src=x onerror=\"window.__xss=2\">",
          "<svg onload=window.__xss=3>",
          "<svg><script>window.__xss=4</script></svg>",
          "<iframe src=\"javascript:parent.__xss=5\"></iframe>",
          "<a href=\"javascript:window.__xss=6\">нажми</a>",
          "javascript:window.__xss=7",
          "<body onload=window.__xss=8>",
          "<details open ontoggle=window.__xss=9>",
          "<input autofocus onfocus=window.__xss=10>",
          "<video><source onerror=\"window.__xss=11\"></video>",
          "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=12>",
          "\"><script>window.__xss=13</script>",
          "'><img src=x onerror=window.__xss=14>",
          "</textarea><script>window.__xss=15</script>",
          "</title><script>window.__xss=16</script>",
          "<style>@import 'javascript:window.__xss=17';</style>",
          "<object data=\"javascript:window.__xss=18\"></object>",
          "<embed src=\"javascript:window.__xss=19\">",
          "<form action=\"javascript:window.__xss=20\"><button>отправить</button></form>",
          "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=21\">",
          "<base href=\"javascript:window.__xss=22//\">",
          "<div style=\"background:url(javascript:window.__xss=23)\">фон</div>",
          "{{constructor.constructor('window.__xss=24')()}}",
          "${window.__xss=25}",
          "<img src=x:x onerror=alert(26)>",
          "<scr<script>ipt>window.__xss=27</scr</script>ipt>",
          "&lt;script&gt;window.__xss=28&lt;/script&gt;",
          "%3Cscript%3Ewindow.__xss=29%3C/script%3E",
          "<IMG SRC=JaVaScRiPt:window.__xss=30>",
          "<img src=\"x\" onerror=\"&#119;indow.__xss=31\">",
          "<marquee onstart=window.__xss=32>бегущая строка</marquee>",
          "<select autofocus onfocus=window.__xss=33>",
          "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=34>\">",
          "<template><img src=x onerror=window.__xss=35></template>",
          "<!--<img src=\"--><img src=x onerror=window.__xss=36//\">",
          "<a href=\"&#106;avascript:window.__xss=37\">ссылка</a>",
          "＜script＞window.__xss=38＜/script＞",
          "<x contenteditable onblur=window.__xss=39>потеряй фокус</x>",
          "Многострочный\n<script>window.__xss=40</script>\n\tконец");

  /** Author names are at most 80 characters. */
  static final List<String> NAMES =
      List.of(
          "<img src=x onerror=window.__xss=101>",
          "<script>window.__xss=102</script>",
          "\"><svg onload=window.__xss=103>");
}
