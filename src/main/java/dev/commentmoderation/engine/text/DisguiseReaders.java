package dev.commentmoderation.engine.text;

import java.util.List;

/**
 * The disguise readers, in the order their forms are laid out after the primary forms. Each is one
 * short file; a new disguise is a new reader and one line here.
 */
final class DisguiseReaders {

  static final List<DisguiseReader> ORDER =
      List.of(
          new MixedScriptReader(), // пuздец, Мyдак, н4еб4ть, дypa, блjaди: look-alike letters and
          // digits
          new SoftSignIReader(), // вьiебьiваться: ьi / ьі drawn for ы
          new AtSignReader(), // бл@дь: @ for any one letter
          new ForeignCapitalsReader(), // ΧΥΕΤΑ: capitals of another script that look Cyrillic
          new TransliterationReader(), // blyad, xyj, tvar': all-Latin words read as Russian
          new SpacedLettersReader(), // п и з д е ц, х.у.й, x y й н я: letters split by gaps
          new MaskedTokenReader()); // рас***чили, х.йню, о##еть, х¥йню, б/\ядь: masks and glyphs

  private DisguiseReaders() {}
}
