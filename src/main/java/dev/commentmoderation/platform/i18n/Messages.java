package dev.commentmoderation.platform.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Reader-facing texts in Russian (default), Kyrgyz and English, chosen from Accept-Language. The
 * bundles live in {@code i18n/messages*.properties} (UTF-8).
 */
@ApplicationScoped
public class Messages {

  public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
  public static final Locale KYRGYZ = Locale.forLanguageTag("ky");
  public static final List<Locale> SUPPORTED = List.of(RUSSIAN, KYRGYZ, Locale.ENGLISH);

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** The first supported language the client accepts, Russian when none. */
  public static Locale negotiate(HttpHeaders headers) {
    if (headers == null) return RUSSIAN;
    try {
      return negotiate(headers.getAcceptableLanguages());
    } catch (RuntimeException malformedHeader) {
      return RUSSIAN;
    }
  }

  public static Locale negotiate(List<Locale> acceptable) {
    for (Locale wanted : acceptable) {
      for (Locale supported : SUPPORTED) {
        if (supported.getLanguage().equals(wanted.getLanguage())) return supported;
      }
    }
    return RUSSIAN;
  }

  public String get(Locale locale, String key, Object... args) {
    String pattern;
    try {
      pattern = bundle(locale).getString(key);
    } catch (MissingResourceException e) {
      try {
        pattern = bundle(RUSSIAN).getString(key);
      } catch (MissingResourceException stillMissing) {
        return key;
      }
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  public boolean has(String key) {
    return bundle(RUSSIAN).containsKey(key);
  }

  private static ResourceBundle bundle(Locale locale) {
    Locale l = SUPPORTED.contains(locale) ? locale : RUSSIAN;
    return ResourceBundle.getBundle(
        "i18n.messages", l, Messages.class.getClassLoader(), NO_FALLBACK);
  }
}
